package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Sign-in answers a browser can follow: one Location header, never two (browsers refuse two that differ). */
@QuarkusTest
class LoginRedirectTest {

    @RepeatedTest(3)
    void aWrongPasswordOnTheLoginFormRedirectsOnceToTheLoginPageWithTheError() {
        Response r = given().redirects().follow(false).formParam("j_username", "reviewer")
                .formParam("j_password", "not-the-password").post("/j_security_check");
        assertThat(r.statusCode()).isBetween(302, 303);
        assertThat(r.headers().getValues("Location")).hasSize(1);
        assertThat(r.header("Location")).endsWith("/login?error=true").startsWith("http");
    }

    @Test
    void aRightPasswordOnTheLoginFormRedirectsOnceToTheLandingPage() {
        Response r = given().redirects().follow(false).formParam("j_username", "reviewer")
                .formParam("j_password", "demo").post("/j_security_check");
        assertThat(r.statusCode()).isBetween(302, 303);
        assertThat(r.headers().getValues("Location")).hasSize(1);
        assertThat(r.header("Location")).endsWith("/cables");
    }

    @Test
    void wrongBasicCredentialsOnAPageRedirectOnceToTheLoginPageWithTheError() {
        Response r = given().redirects().follow(false).auth().preemptive().basic("reviewer", "wrong")
                .get("/cables");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().getValues("Location")).hasSize(1);
        assertThat(r.header("Location")).endsWith("/login?error=true");
    }

    @Test
    void anAnonymousPageRequestRedirectsOnceToTheLoginPage() {
        Response r = given().redirects().follow(false).get("/cables");
        assertThat(r.statusCode()).isBetween(302, 303);
        assertThat(r.headers().getValues("Location")).hasSize(1);
        assertThat(r.header("Location")).endsWith("/login");
    }
}
