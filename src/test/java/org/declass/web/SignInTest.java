package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Signing in and out of the pages, with sessions kept on the server. */
@QuarkusTest
class SignInTest {

    @Test
    void theRightPasswordOpensASessionWhoseCookieOpensPagesAndReadOnlyApiCalls() {
        String token = SignIn.as("reviewer");
        given().cookie(SignIn.COOKIE, token).redirects().follow(false).get("/cables").then().statusCode(200);
        given().cookie(SignIn.COOKIE, token).get("/api/cables?size=1").then().statusCode(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictSameSite() {
        Response r = SignIn.post("reviewer", "demo");
        String header = r.getHeader("Set-Cookie");
        assertThat(header).contains(SignIn.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void signingOutEndsTheSessionOnTheServerSoTheOldCookieNoLongerWorks() {
        String token = SignIn.as("approver");
        given().cookie(SignIn.COOKIE, token).redirects().follow(false).formParam(SignIn.CSRF_FIELD,
                SignIn.csrfToken(token)).post("/logout").then().statusCode(303);
        Response page = given().cookie(SignIn.COOKIE, token).redirects().follow(false).get("/cables");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.header("Location")).startsWith("/login");
        given().cookie(SignIn.COOKIE, token).get("/api/cables?size=1").then().statusCode(401);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserNameGetTheSameAnswer() {
        SignIn.LoginForm form = SignIn.loginForm(); // one page's token for both: the pages must differ in nothing
        Response wrong = SignIn.post(form, "auditor", "not-the-password");
        Response unknown = SignIn.post(form, "nobody-" + System.nanoTime(), "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.getCookie(SignIn.COOKIE)).isNull();
        assertThat(text(wrong)).contains("Wrong user name or password.");
        assertThat(text(unknown)).isEqualTo(text(wrong).replace("value=\"auditor\"", "value=\"" + unknownName(unknown) + "\""));
    }

    @Test
    void anAnonymousPageRequestIsSentToTheLoginPageWithThePageAskedForAsNext() {
        Response r = given().redirects().follow(false).get("/review?tab=mine");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().getValues("Location")).hasSize(1);
        assertThat(r.header("Location")).isEqualTo("/login?next=%2Freview%3Ftab%3Dmine");
    }

    @Test
    void afterSigningInTheBrowserGoesToTheNextPageButNeverToAnotherSite() {
        SignIn.LoginForm form = SignIn.loginForm();
        Response local = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(SignIn.CSRF_COOKIE, form.cookie()).formParam(SignIn.CSRF_FIELD, form.token())
                .formParam("username", "reviewer").formParam("password", "demo").formParam("next", "/review")
                .post("/login");
        assertThat(local.header("Location")).endsWith("/review");
        for (String evil : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
            Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .cookie(SignIn.CSRF_COOKIE, form.cookie()).formParam(SignIn.CSRF_FIELD, form.token())
                    .formParam("username", "reviewer").formParam("password", "demo").formParam("next", evil)
                    .post("/login");
            assertThat(r.header("Location")).as(evil).contains("/review?queue=").doesNotContain("evil");
        }
    }

    @Test
    void aNewSignInEndsTheSessionTheBrowserCameWith() {
        String first = SignIn.as("auditor");
        Response again = given().cookie(SignIn.COOKIE, first).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam(SignIn.CSRF_FIELD, SignIn.csrfToken(first)).formParam("username", "auditor")
                .formParam("password", "demo").post("/login");
        assertThat(again.getCookie(SignIn.COOKIE)).isNotEqualTo(first);
        given().cookie(SignIn.COOKIE, first).get("/api/cables?size=1").then().statusCode(401);
    }

    @Test
    void theLogoutPageAsksBeforeSigningOutAndAGetChangesNothing() {
        String token = SignIn.as("reviewer");
        given().cookie(SignIn.COOKIE, token).get("/logout").then().statusCode(200);
        given().cookie(SignIn.COOKIE, token).get("/api/cables?size=1").then().statusCode(200);
    }

    private static String text(Response r) {
        return r.getBody().asString();
    }

    private static String unknownName(Response r) {
        String body = text(r);
        int i = body.indexOf("name=\"username\" value=\"") + "name=\"username\" value=\"".length();
        return body.substring(i, body.indexOf('"', i));
    }
}
