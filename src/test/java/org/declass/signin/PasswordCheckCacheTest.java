package org.declass.signin;

import org.declass.security.User;
import org.declass.security.Roles;
import static io.restassured.RestAssured.given;

import java.util.Set;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.declass.marking.ClassificationLevel;
import org.junit.jupiter.api.Test;

/** Remembering a matched password must never let a wrong or outdated one in, nor keep outdated roles. */
@QuarkusTest
class PasswordCheckCacheTest {

    private static void account(String username, String password, String role) {
        QuarkusTransaction.requiringNew().run(() -> {
            User existing = User.findByUsername(username);
            if (existing == null) {
                User.add(username, password, Set.of(role), ClassificationLevel.CONFIDENTIAL, false);
            } else {
                existing.password = BcryptUtil.bcryptHash(password);
                existing.roles = role;
            }
        });
    }

    @Test
    void aWrongPasswordIsRefusedRightAfterTheRightOneWasAccepted() {
        account("cache-wrong", "right-password-1", Roles.REVIEWER);
        given().auth().preemptive().basic("cache-wrong", "right-password-1").get("/api/cables").then().statusCode(200);
        given().auth().preemptive().basic("cache-wrong", "right-password-1").get("/api/cables").then().statusCode(200);
        given().auth().preemptive().basic("cache-wrong", "wrong-password").get("/api/cables").then().statusCode(401);
        given().auth().preemptive().basic("nobody-at-all", "right-password-1").get("/api/cables").then()
                .statusCode(401);
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() {
        account("cache-change", "old-password-1", Roles.REVIEWER);
        given().auth().preemptive().basic("cache-change", "old-password-1").get("/api/cables").then().statusCode(200);
        account("cache-change", "new-password-2", Roles.REVIEWER);
        given().auth().preemptive().basic("cache-change", "old-password-1").get("/api/cables").then().statusCode(401);
        given().auth().preemptive().basic("cache-change", "new-password-2").get("/api/cables").then().statusCode(200);
    }

    @Test
    void changedRolesTakeEffectAtOnce() {
        account("cache-roles", "roles-password-1", Roles.REVIEWER);
        String body = "not a cable";
        // a reviewer may ingest (400/422 for a bad body, not 403)
        int asReviewer = given().auth().preemptive().basic("cache-roles", "roles-password-1")
                .contentType("text/plain").body(body).post("/api/cables").statusCode();
        org.assertj.core.api.Assertions.assertThat(asReviewer).isNotEqualTo(403);
        account("cache-roles", "roles-password-1", Roles.AUDITOR);
        given().auth().preemptive().basic("cache-roles", "roles-password-1")
                .contentType("text/plain").body(body).post("/api/cables").then().statusCode(403);
    }
}
