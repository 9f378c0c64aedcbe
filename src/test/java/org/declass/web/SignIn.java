package org.declass.web;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/**
 * Signs in through the login form as a browser does, for tests: GET /login (which sets the pre-session CSRF cookie
 * and puts its token into the form), then POST /login with both; the session cookie's token is the result. Page
 * forms of a signed-in session need that session's CSRF token: {@link #csrfToken(String)}.
 */
public final class SignIn {

    public static final String COOKIE = "declass-session";

    /** The pre-session cookie the login form's token is bound to (web.CsrfToken). */
    public static final String CSRF_COOKIE = "declass-csrf";

    /** The form field of the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";

    private static final Pattern FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private SignIn() {
    }

    /** The login form as a new browser gets it: the pre-session cookie and the form's token. */
    public record LoginForm(String cookie, String token) {
    }

    /** GET /login without cookies. */
    public static LoginForm loginForm() {
        Response page = given().redirects().follow(false).get("/login");
        String cookie = page.getCookie(CSRF_COOKIE);
        if (page.statusCode() != 200 || cookie == null) {
            throw new AssertionError("the login page gave no CSRF cookie: " + page.statusCode());
        }
        return new LoginForm(cookie, formToken(page.getBody().asString()));
    }

    /** POST /login as the login page's form does; the raw answer (303 with the cookie on success). */
    public static Response post(String username, String password) {
        return post(loginForm(), username, password);
    }

    /** POST /login from a login form already fetched (the same page's token for several attempts). */
    public static Response post(LoginForm form, String username, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(CSRF_COOKIE, form.cookie()).formParam(CSRF_FIELD, form.token())
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

    /** The CSRF token of a signed-in session, as its pages put it into their forms (read from the sign-out page). */
    public static String csrfToken(String sessionToken) {
        Response page = given().cookie(COOKIE, sessionToken).redirects().follow(false).get("/logout");
        if (page.statusCode() != 200) {
            throw new AssertionError("the sign-out page answered " + page.statusCode());
        }
        return formToken(page.getBody().asString());
    }

    /** The first CSRF token in a page's forms. */
    public static String formToken(String html) {
        Matcher m = FIELD.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no " + CSRF_FIELD + " field in the page");
        }
        return m.group(1);
    }
}
