package org.declass.web;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** Signs in through the login form as a browser does, for tests: the session cookie's token. */
public final class SignIn {

    public static final String COOKIE = "declass-session";

    private SignIn() {
    }

    /** POST /login; the raw answer (303 with the cookie on success). */
    public static Response post(String username, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).post("/login");
    }

    /** Signs in with the demo password and returns the session token; fails when no session was opened. */
    public static String as(String username) {
        Response r = post(username, "demo");
        String token = r.getCookie(COOKIE);
        if (r.statusCode() != 303 || token == null || token.isEmpty()) {
            throw new AssertionError("sign-in as " + username + " failed: " + r.statusCode() + " "
                    + r.getBody().asString());
        }
        return token;
    }
}
