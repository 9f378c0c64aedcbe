package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * Cross-site request forgery, as a browser would be made to commit it: the login form, the sign-out form, the
 * upload form (multipart), and the session cookie on the API. The approve form: review.CrossSiteApprovalTest.
 */
@QuarkusTest
class CrossSiteRequestTest {

    static final AtomicInteger SERIAL = new AtomicInteger(7950);

    static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    static String cableText() {
        String serial = String.valueOf(SERIAL.incrementAndGet());
        return CableFixtures.secretCableForReview(serial, "MK-XS-U" + serial, "MK-XS-S" + serial);
    }

    // ---------------------------------------------------------------- signing in

    @Test
    void theLoginPageSetsAnHttpOnlyStrictPreSessionCookieAndPutsItsTokenIntoTheForm() {
        Response page = given().get("/login");
        String header = page.getHeaders().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(SignIn.CSRF_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(header).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Path=/");
        assertThat(SignIn.formToken(page.asString())).matches("[0-9a-f]{64}");
        // the same cookie back: the same token, and no new cookie
        Response again = given().cookie(SignIn.CSRF_COOKIE, page.getCookie(SignIn.CSRF_COOKIE)).get("/login");
        assertThat(again.getCookie(SignIn.CSRF_COOKIE)).isNull();
        assertThat(SignIn.formToken(again.asString())).isEqualTo(SignIn.formToken(page.asString()));
    }

    @Test
    void aLoginPostWithoutThePreSessionTokenIsRefusedAndOpensNoSession() {
        SignIn.LoginForm form = SignIn.loginForm();
        SignIn.LoginForm other = SignIn.loginForm();
        Response none = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "approver").formParam("password", "demo").post("/login");
        Response noToken = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(SignIn.CSRF_COOKIE, form.cookie())
                .formParam("username", "approver").formParam("password", "demo").post("/login");
        Response noCookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam(SignIn.CSRF_FIELD, form.token())
                .formParam("username", "approver").formParam("password", "demo").post("/login");
        Response othersToken = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(SignIn.CSRF_COOKIE, form.cookie()).formParam(SignIn.CSRF_FIELD, other.token())
                .formParam("username", "approver").formParam("password", "demo").post("/login");
        for (Response r : new Response[] {none, noToken, noCookie, othersToken}) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.getCookie(SignIn.COOKIE)).isNull();
            assertThat(r.asString()).contains("reload the page and try again");
        }
        assertThat(SignIn.post(form, "approver", "demo").statusCode()).isEqualTo(303);
    }

    @Test
    void aLoginFormPostedFromAnotherOriginIsRefused() {
        SignIn.LoginForm form = SignIn.loginForm();
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + (RestAssured.port + 1))
                .cookie(SignIn.CSRF_COOKIE, form.cookie()).formParam(SignIn.CSRF_FIELD, form.token())
                .formParam("username", "approver").formParam("password", "demo").post("/login");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.getCookie(SignIn.COOKIE)).isNull();
    }

    @Test
    void aSignedInBrowserThatReachedTheLoginPageFromAnotherSiteCanStillSignIn() {
        // a SameSite=Strict session cookie is not sent on a navigation from another site: the login page is shown
        // with a pre-session form; posting it (from our page: both cookies go) must work
        String live = SignIn.as("reviewer");
        SignIn.LoginForm form = SignIn.loginForm();
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(SignIn.COOKIE, live).cookie(SignIn.CSRF_COOKIE, form.cookie())
                .formParam(SignIn.CSRF_FIELD, form.token()).header("Origin", ownOrigin())
                .formParam("username", "reviewer").formParam("password", "demo").post("/login");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.getCookie(SignIn.COOKIE)).isNotBlank().isNotEqualTo(live);
    }

    @Test
    void aPreSessionTokenDoesNotStandInForTheSessionsOwnOnOtherForms() {
        String session = SignIn.as("reviewer");
        SignIn.LoginForm form = SignIn.loginForm();
        given().cookie(SignIn.COOKIE, session).cookie(SignIn.CSRF_COOKIE, form.cookie())
                .formParam(SignIn.CSRF_FIELD, form.token()).redirects().follow(false).post("/logout")
                .then().statusCode(403);
        given().cookie(SignIn.COOKIE, session).get("/api/cables?size=1").then().statusCode(200);
    }

    @Test
    void theSecondFactorFormCarriesTheLoginPagesTokenAndWithoutItIsRefused() {
        String secret = org.declass.signin.Totp.newSecret();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> org.declass.security.User.add(
                "csrf-totp-7960", "csrf-totp-password-7960", java.util.Set.of(org.declass.security.Roles.AUDITOR),
                org.declass.marking.ClassificationLevel.UNCLASSIFIED, false).totpSecret = secret);
        SignIn.LoginForm form = SignIn.loginForm();
        Response login = SignIn.post(form, "csrf-totp-7960", "csrf-totp-password-7960");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).contains("/login/second-factor");
        String pending = login.getCookie(SignIn.COOKIE);
        String page = given().cookie(SignIn.COOKIE, pending).cookie(SignIn.CSRF_COOKIE, form.cookie())
                .get("/login/second-factor").then().statusCode(200).extract().asString();
        assertThat(SignIn.formToken(page)).isEqualTo(form.token());
        String code = org.declass.signin.Totp.code(secret,
                org.declass.signin.Totp.step(java.time.Clock.systemUTC()));
        given().cookie(SignIn.COOKIE, pending).cookie(SignIn.CSRF_COOKIE, form.cookie()).formParam("code", code)
                .redirects().follow(false).post("/login/second-factor").then().statusCode(403);
        Response done = given().cookie(SignIn.COOKIE, pending).cookie(SignIn.CSRF_COOKIE, form.cookie())
                .formParam(SignIn.CSRF_FIELD, form.token()).formParam("code", code).redirects().follow(false)
                .post("/login/second-factor");
        assertThat(done.statusCode()).isEqualTo(303);
        given().cookie(SignIn.COOKIE, done.getCookie(SignIn.COOKIE)).get("/api/cables?size=1").then()
                .statusCode(200);
    }

    // ---------------------------------------------------------------- signing out, Origin: null

    @Test
    void originNullIsRefusedUnlessTheBrowserSaysTheRequestIsSameOrigin() {
        String session = SignIn.as("auditor");
        String token = SignIn.csrfToken(session);
        given().cookie(SignIn.COOKIE, session).header("Origin", "null").formParam(SignIn.CSRF_FIELD, token)
                .redirects().follow(false).post("/logout").then().statusCode(403)
                .body(containsString("Origin: null"));
        given().cookie(SignIn.COOKIE, session).get("/api/cables?size=1").then().statusCode(200);
        given().cookie(SignIn.COOKIE, session).header("Origin", "null").header("Sec-Fetch-Site", "same-origin")
                .formParam(SignIn.CSRF_FIELD, token).redirects().follow(false).post("/logout")
                .then().statusCode(303);
        given().cookie(SignIn.COOKIE, session).get("/api/cables?size=1").then().statusCode(401);
    }

    @Test
    void theRefusalIsAPageForABrowserAndJsonForTheApi() {
        String session = SignIn.as("reviewer");
        given().cookie(SignIn.COOKIE, session).accept("text/html").redirects().follow(false).post("/logout")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("reload the page and try again"));
        given().cookie(SignIn.COOKIE, session).contentType("text/plain").body("x").post("/api/cables")
                .then().statusCode(403).contentType(containsString("application/json"))
                .body("message", containsString("no CSRF token"));
    }

    // ---------------------------------------------------------------- the API

    @Test
    void aBasicAuthApiPostWithoutOriginOrTokenStillWorks() {
        given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(cableText().getBytes(StandardCharsets.UTF_8)).post("/api/cables").then().statusCode(201);
    }

    @Test
    void aBasicAuthApiPostFromAnotherOriginIsRefused() {
        given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .header("Origin", "http://evil.example").body(cableText().getBytes(StandardCharsets.UTF_8))
                .post("/api/cables").then().statusCode(403);
    }

    @Test
    void theSessionCookieOnTheApiNeedsTheTokenInItsHeader() {
        String session = SignIn.as("reviewer");
        String text = cableText();
        given().cookie(SignIn.COOKIE, session).contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/cables").then().statusCode(403);
        given().cookie(SignIn.COOKIE, session).contentType("text/plain; charset=UTF-8")
                .header("X-CSRF-Token", SignIn.csrfToken(session)).body(text.getBytes(StandardCharsets.UTF_8))
                .post("/api/cables").then().statusCode(201);
    }

    @Test
    void forwardedHeadersOfAnUntrustedClientDoNotChangeThisServersOrigin() {
        String session = SignIn.as("auditor");
        given().cookie(SignIn.COOKIE, session).formParam(SignIn.CSRF_FIELD, SignIn.csrfToken(session))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "proto=https;host=evil.example").header("Origin", "https://evil.example")
                .redirects().follow(false).post("/logout").then().statusCode(403);
        given().cookie(SignIn.COOKIE, session).get("/api/cables?size=1").then().statusCode(200);
    }

    // ---------------------------------------------------------------- multipart upload

    @Test
    void theUploadFormCarriesTheTokenAsAMultipartFieldAndWithoutItStoresNothing() {
        String session = SignIn.as("reviewer");
        String page = given().cookie(SignIn.COOKIE, session).get("/upload").then().statusCode(200).extract()
                .asString();
        String token = SignIn.formToken(page);
        String text = cableText();
        given().cookie(SignIn.COOKIE, session).redirects().follow(false).header("Origin", ownOrigin())
                .multiPart("text", text).multiPart("reference", "").post("/upload").then().statusCode(403)
                .body(containsString("no CSRF token"));
        given().cookie(SignIn.COOKIE, session).redirects().follow(false)
                .multiPart(SignIn.CSRF_FIELD, "0".repeat(64)).multiPart("text", text).post("/upload")
                .then().statusCode(403);
        given().cookie(SignIn.COOKIE, session).redirects().follow(false).header("Origin", ownOrigin())
                .multiPart(SignIn.CSRF_FIELD, token).multiPart("file", "cable.txt",
                        text.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/upload").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.not(containsString("duplicate")));
    }
}
