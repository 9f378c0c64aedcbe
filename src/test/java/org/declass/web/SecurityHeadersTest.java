package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Every response carries the security headers, whoever produced it (a page, the API, an error page, the refusal of
 * the authentication layer), and everything not public is no-store.
 */
@QuarkusTest
class SecurityHeadersTest {

    static RequestSpecification as(String user) {
        return given().redirects().follow(false).auth().preemptive().basic(user, "demo");
    }

    static RequestSpecification anonymous() {
        return given().redirects().follow(false);
    }

    /** The headers every response has, public or not. */
    static void assertHardened(Response r, String what) {
        assertThat(r.header("Content-Security-Policy")).as(what + ": CSP").isEqualTo(SecurityHeaders.CSP);
        assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(r.header("Strict-Transport-Security")).as(what + ": plain HTTP").isNull();
    }

    static void assertPrivate(Response r, String what) {
        assertHardened(r, what);
        assertThat(r.header("Cache-Control")).as(what + ": Cache-Control").isEqualTo("no-store");
    }

    static long someCable() {
        return as("admin").get("/api/cables?size=1").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    @Test
    void theContentSecurityPolicyAllowsNoInlineScriptOrStyleAndNoFraming() {
        assertThat(SecurityHeaders.CSP).contains("script-src 'self';", "style-src 'self';", "object-src 'none'",
                "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
    }

    @Test
    void classifiedPagesJsonAndTheOriginalAreNoStore() {
        long id = someCable();
        assertPrivate(as("reviewer").get("/cables").then().statusCode(200).extract().response(), "/cables");
        assertPrivate(as("admin").get("/cables/" + id).then().statusCode(200).extract().response(), "cable page");
        assertPrivate(as("reviewer").get("/api/cables").then().statusCode(200).extract().response(), "/api/cables");
        assertPrivate(as("admin").get("/api/cables/" + id).then().statusCode(200).extract().response(), "cable JSON");
        assertPrivate(as("admin").get("/api/cables/" + id + "/original").then().statusCode(200).extract().response(),
                "the original");
        assertPrivate(as("auditor").get("/api/audit/export.csv").then().statusCode(200).extract().response(),
                "audit export");
    }

    @Test
    void errorsCarryTheHeadersToo() {
        assertPrivate(anonymous().get("/api/cables").then().statusCode(401).extract().response(), "401 of the API");
        assertPrivate(as("reviewer").get("/no-such-page").then().statusCode(404).extract().response(), "404 page");
        assertPrivate(as("reviewer").get("/api/cables/987654321").then().statusCode(404).extract().response(),
                "404 JSON");
        assertPrivate(as("reviewer").get("/audit").then().statusCode(403).extract().response(), "403 page");
        Response login = anonymous().get("/cables");
        assertThat(login.statusCode()).as("anonymous /cables goes to the login page").isBetween(300, 399);
        assertPrivate(login, "the redirect to the login page");
    }

    @Test
    void publicPagesMayBeCachedForAnonymousVisitorsOnly() {
        for (String path : new String[] {"/", "/reading-room", "/api/releases"}) {
            Response r = anonymous().get(path).then().statusCode(200).extract().response();
            assertHardened(r, path);
            assertThat(r.header("Cache-Control")).as(path + " for an anonymous visitor").isNotEqualTo("no-store");
            assertPrivate(as("reviewer").get(path).then().statusCode(200).extract().response(), path + " signed in");
        }
        Response css = as("reviewer").get("/css/declass.css").then().statusCode(200).extract().response();
        assertHardened(css, "a stylesheet");
        assertThat(css.header("Cache-Control")).as("a static file").isNotEqualTo("no-store");
    }

    @Test
    void strictTransportSecurityIsNotSentOverPlainHttpNorOnAnUntrustedForwardedProto() {
        Response r = anonymous().header("X-Forwarded-Proto", "https").get("/");
        assertThat(r.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void theSwaggerUiHasItsOwnPolicyAndTheRestOfTheApplicationKeepsTheStrictOne() {
        Response ui = anonymous().get("/q/swagger-ui/").then().statusCode(200).extract().response();
        assertThat(ui.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.SWAGGER_UI_CSP);
        assertThat(ui.header("X-Frame-Options")).isEqualTo("DENY");
        assertHardened(anonymous().get("/q/openapi").then().statusCode(200).extract().response(), "/q/openapi");
    }

    @Test
    void theStandaloneDocumentAllowsExactlyItsOwnInlineStylesheet() throws Exception {
        Response r = as("admin").get("/api/cables/" + someCable() + "/view?format=html").then().statusCode(200)
                .extract().response();
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(r.asString());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header("Content-Security-Policy")).startsWith("default-src 'none';")
                .contains("style-src 'sha256-" + hash + "'").contains("frame-ancestors 'none'")
                .doesNotContain("script-src").doesNotContain("unsafe");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.asString()).doesNotContain("<script");
    }
}
