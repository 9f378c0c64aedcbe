package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted proxy (as deploy/nginx/declass.conf with the quarkus.http.proxy settings of docs/operations.md)
 * this server's origin is the one the browser used: the proxy's X-Forwarded-Proto and X-Forwarded-Host (with its
 * port), which Quarkus applies to the request before the origin check reads it.
 */
@QuarkusTest
@TestProfile(CrossSiteBehindProxyTest.TrustedProxy.class)
class CrossSiteBehindProxyTest {

    public static class TrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    static RequestSpecification signOut(String session, String proto, String host) {
        return given().cookie(SignIn.COOKIE, session).formParam(SignIn.CSRF_FIELD, SignIn.csrfToken(session))
                .header("X-Forwarded-Proto", proto).header("X-Forwarded-Host", host).redirects().follow(false);
    }

    @Test
    void theOriginTheBrowserUsedThroughTheProxyIsThisServersOrigin() {
        signOut(SignIn.as("auditor"), "https", "declass.example.org")
                .header("Origin", "https://declass.example.org").post("/logout").then().statusCode(303);
        signOut(SignIn.as("auditor"), "https", "declass.example.org:8443")
                .header("Origin", "https://declass.example.org:8443").post("/logout").then().statusCode(303);
        // the compose sample: nginx on port 80 published as 8080, X-Forwarded-Host $http_host
        signOut(SignIn.as("auditor"), "http", "localhost:8080")
                .header("Origin", "http://localhost:8080").post("/logout").then().statusCode(303);
    }

    @Test
    void behindTheProxyTheInstancesOwnAddressIsAnotherOrigin() {
        String session = SignIn.as("auditor");
        signOut(session, "https", "declass.example.org")
                .header("Origin", "http://localhost:" + RestAssured.port).post("/logout").then().statusCode(403);
        signOut(session, "https", "declass.example.org")
                .header("Origin", "http://declass.example.org").post("/logout").then().statusCode(403);
        signOut(session, "https", "declass.example.org:8443")
                .header("Origin", "https://declass.example.org").post("/logout").then().statusCode(403);
        given().cookie(SignIn.COOKIE, session).get("/api/cables?size=1").then().statusCode(200);
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysTheBrowserCameOverHttpsAndOnlyThen() {
        SignIn.LoginForm form = SignIn.loginForm();
        String overTls = login(form, "https").getHeader("Set-Cookie");
        assertThat(overTls).contains(SignIn.COOKIE + "=").containsPattern("(?i);\\s*Secure(;|$)");
        String plain = login(SignIn.loginForm(), "http").getHeader("Set-Cookie");
        assertThat(plain).contains(SignIn.COOKIE + "=").doesNotContainPattern("(?i);\\s*Secure(;|$)");
    }

    private static io.restassured.response.Response login(SignIn.LoginForm form, String proto) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", proto).header("X-Forwarded-Host", "declass.example.org")
                .cookie(SignIn.CSRF_COOKIE, form.cookie()).formParam(SignIn.CSRF_FIELD, form.token())
                .formParam("username", "reviewer").formParam("password", "demo").post("/login");
    }
}
