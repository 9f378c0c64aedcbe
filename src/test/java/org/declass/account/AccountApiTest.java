package org.declass.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Roles;
import org.declass.security.SessionPrincipal;
import org.declass.security.User;
import org.declass.signin.WebSessions;
import org.junit.jupiter.api.Test;

/** User administration over the API: {@code /api/users}, as administrators and as everyone else. */
@QuarkusTest
class AccountApiTest {

    static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    WebSessions sessions;

    /** A user name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    static RequestSpecification as(String user) {
        String password = AccountService.DEMO_ACCOUNTS.stream().anyMatch(a -> a.username().equals(user))
                ? AccountService.DEMO_PASSWORD : PASSWORD;
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    static Map<String, Object> account(String username, String password, List<String> roles, String clearance,
                                       Boolean noforn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("roles", roles);
        body.put("clearance", clearance);
        body.put("noforn", noforn);
        return body;
    }

    static void create(String actor, String username, List<String> roles, String clearance, boolean noforn) {
        as(actor).body(account(username, PASSWORD, roles, clearance, noforn)).post("/api/users").then()
                .statusCode(201);
    }

    static Map<String, Object> grant(List<String> roles, String clearance, boolean noforn) {
        return account(null, null, roles, clearance, noforn);
    }

    /** The administrator's entries of this action about this account, newest first. */
    static List<Map<String, Object>> entries(String actor, String action, String username) {
        JsonPath page = as("admin").queryParam("action", action).queryParam("user", actor).queryParam("size", 200)
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(e -> String.valueOf(e.get("note")).contains("'" + username + "'")).toList();
    }

    // ---------------------------------------------------------------- creating

    @Test
    void anAdministratorCreatesAnAccountWhichThenSignsInWithItsClearance() {
        String name = unique("clerk");
        Response created = as("admin").body(account(name.toUpperCase(), PASSWORD, List.of("reviewer"),
                "CONFIDENTIAL", false)).post("/api/users");
        created.then().statusCode(201);
        assertThat(created.header("Location")).endsWith("/api/users/" + name);
        assertThat(created.jsonPath().getString("username")).isEqualTo(name);
        assertThat(created.jsonPath().getList("roles")).containsExactly(Roles.REVIEWER);
        assertThat(created.jsonPath().getString("clearance")).isEqualTo("CONFIDENTIAL");
        assertThat(created.jsonPath().getBoolean("noforn")).isFalse();
        assertThat(created.jsonPath().getString("source")).isEqualTo("LOCAL");

        String page = given().auth().preemptive().basic(name, PASSWORD).get("/cables").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<span class=\"clearance lvl-C\">CONFIDENTIAL</span>");
    }

    @Test
    void theListShowsEveryAccountButNeverAPasswordHashOrSecondFactorSecret() {
        String name = unique("lister");
        create("admin", name, List.of(Roles.AUDITOR), "SECRET", true);
        QuarkusTransaction.requiringNew().run(() -> User.findByUsername(name).totpSecret = "JBSWY3DPEHPK3PXP");
        Response list = as("admin").get("/api/users");
        list.then().statusCode(200);
        assertThat(list.jsonPath().getList("username", String.class)).contains("admin", "reviewer2", name);
        Map<String, Object> mine = list.jsonPath().getMap("find { it.username == '" + name + "' }");
        assertThat(mine).containsKeys("username", "roles", "clearance", "noforn", "disabled", "source",
                "secondFactorEnrolled", "createdAt").doesNotContainKeys("password", "totpSecret");
        assertThat(mine.get("secondFactorEnrolled")).isEqualTo(true);
        assertThat(list.asString()).doesNotContain("$2a$").doesNotContain("$2b$").doesNotContain("JBSWY3DPEHPK3PXP");
        as("admin").get("/api/users/" + name).then().statusCode(200).body("clearance", org.hamcrest.Matchers
                .equalTo("SECRET"));
        as("admin").get("/api/users/nobody-here").then().statusCode(404);
    }

    @Test
    void thePasswordPolicyRefusesElevenCharactersAndTheUserNameAndCreatesNothing() {
        String name = unique("short");
        as("admin").body(account(name, "abcdefghijk", List.of(Roles.REVIEWER), "SECRET", false)).post("/api/users")
                .then().statusCode(400).body("message", containsString("at least 12 characters"));
        as("admin").body(account(name, name, List.of(Roles.REVIEWER), "SECRET", false)).post("/api/users")
                .then().statusCode(400).body("message", containsString("user name"));
        as("admin").body(account(name, "My-" + name.toUpperCase() + "-pass", List.of(Roles.REVIEWER), "SECRET",
                false)).post("/api/users").then().statusCode(400).body("message", containsString("user name"));
        as("admin").get("/api/users/" + name).then().statusCode(404);
    }

    @Test
    void badInputIsRefusedWithA400NamingTheProblem() {
        String name = unique("bad");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("a b", "is not allowed");
        cases.put("-dash", "is not allowed");
        cases.put(name + " ", "is not allowed");
        cases.put("x", "is not allowed");
        cases.put("anonymous", "reserved");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            as("admin").body(account(c.getKey(), PASSWORD, List.of(Roles.REVIEWER), "SECRET", false))
                    .post("/api/users").then().statusCode(400).body("message", containsString(c.getValue()));
        }
        as("admin").body(account(name, PASSWORD, List.of("JANITOR"), "SECRET", false)).post("/api/users").then()
                .statusCode(400).body("message", containsString("unknown role 'JANITOR'"));
        as("admin").body(account(name, PASSWORD, List.of(), "SECRET", false)).post("/api/users").then()
                .statusCode(400).body("message", containsString("at least one role"));
        as("admin").body(account(name, PASSWORD, List.of(Roles.REVIEWER), "COSMIC", false)).post("/api/users")
                .then().statusCode(400).body("message", containsString("unknown clearance 'COSMIC'"));
        as("admin").body(account(name, PASSWORD, List.of(Roles.REVIEWER), "SECRET", null)).post("/api/users")
                .then().statusCode(400).body("message", containsString("noforn is required"));
        as("admin").body("{\"username\": ").post("/api/users").then().statusCode(400);
        as("admin").get("/api/users/" + name).then().statusCode(404);
    }

    @Test
    void aUserNameThatIsTakenInAnyCaseIsRefusedWithA409() {
        as("admin").body(account("Reviewer", PASSWORD, List.of(Roles.REVIEWER), "SECRET", false))
                .post("/api/users").then().statusCode(409).body("message", containsString("'reviewer' is taken"));
    }

    // ---------------------------------------------------------------- who may

    @Test
    void everyoneButAnAdministratorGets403AndAnonymousCallers401OnEveryEndpoint() {
        String target = unique("target");
        create("admin", target, List.of(Roles.REVIEWER), "SECRET", false);
        Map<String, Object> body = account(unique("sneaky"), PASSWORD, List.of(Roles.ADMIN), "TOP SECRET", true);
        for (String who : List.of("reviewer", "approver", "auditor")) {
            as(who).get("/api/users").then().statusCode(403);
            as(who).get("/api/users/" + target).then().statusCode(403);
            as(who).body(body).post("/api/users").then().statusCode(403);
            as(who).body(grant(List.of(Roles.ADMIN), "TOP SECRET", true)).put("/api/users/" + who).then()
                    .statusCode(403);
            as(who).post("/api/users/" + target + "/disable").then().statusCode(403);
            as(who).post("/api/users/" + target + "/enable").then().statusCode(403);
            as(who).post("/api/users/" + target + "/second-factor/reset").then().statusCode(403);
        }
        given().get("/api/users").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/api/users").then().statusCode(401);
        given().contentType(ContentType.JSON).body(grant(List.of(Roles.ADMIN), "SECRET", true))
                .put("/api/users/" + target).then().statusCode(401);
        given().post("/api/users/" + target + "/disable").then().statusCode(401);
        given().post("/api/users/" + target + "/second-factor/reset").then().statusCode(401);
        as("admin").get("/api/users/" + body.get("username")).then().statusCode(404);
        as("admin").get("/api/users/" + target).then().statusCode(200).body("disabled",
                org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void nobodyRaisesTheirOwnClearanceOrRolesButMayLowerThem() {
        String admin2 = unique("admin2");
        create("admin", admin2, List.of(Roles.ADMIN), "SECRET", true);

        as(admin2).body(grant(List.of(Roles.ADMIN), "TOP_SECRET", true)).put("/api/users/" + admin2).then()
                .statusCode(403).body("message", containsString("raise your own clearance"));
        as(admin2).body(grant(List.of(Roles.ADMIN, Roles.APPROVER), "SECRET", true)).put("/api/users/" + admin2)
                .then().statusCode(403).body("message", containsString("raise your own roles"))
                .body("message", containsString("APPROVER"));
        as("admin").get("/api/users/" + admin2).then().statusCode(200)
                .body("clearance", org.hamcrest.Matchers.equalTo("SECRET"))
                .body("roles", org.hamcrest.Matchers.contains(Roles.ADMIN));

        as(admin2).body(grant(List.of(Roles.ADMIN), "CONFIDENTIAL", true)).put("/api/users/" + admin2).then()
                .statusCode(200).body("clearance", org.hamcrest.Matchers.equalTo("CONFIDENTIAL"));
        as(admin2).body(grant(List.of(Roles.ADMIN), "SECRET", true)).put("/api/users/" + admin2).then()
                .statusCode(403).body("message", containsString("raise your own clearance"));
    }

    @Test
    void nobodyGainsNofornEligibilityForThemselves() {
        String admin3 = unique("admin3");
        create("admin", admin3, List.of(Roles.ADMIN), "SECRET", false);
        as(admin3).body(grant(List.of(Roles.ADMIN), "SECRET", true)).put("/api/users/" + admin3).then()
                .statusCode(403).body("message", containsString("raise your own clearance"));
    }

    @Test
    void anAdministratorGivesNoClearanceAboveTheirOwnNorTakesOverAnAccountClearedAboveThem() {
        String admin2 = unique("admin2");
        String topSecret = unique("ts");
        create("admin", admin2, List.of(Roles.ADMIN), "SECRET", true);
        create("admin", topSecret, List.of(Roles.APPROVER), "TOP SECRET", true);

        as(admin2).body(account(unique("made"), PASSWORD, List.of(Roles.REVIEWER), "TOP SECRET", true))
                .post("/api/users").then().statusCode(403).body("message", containsString("you do not hold"));
        as(admin2).body(account(topSecret, "another-good-password", List.of(Roles.APPROVER), "TOP SECRET", true))
                .put("/api/users/" + topSecret).then().statusCode(403)
                .body("message", containsString("cleared above you"));
        as(admin2).body(grant(List.of(Roles.APPROVER), "SECRET", true)).put("/api/users/" + topSecret).then()
                .statusCode(403).body("message", containsString("cleared above you"));
        as("admin").get("/api/users/" + topSecret).then().statusCode(200)
                .body("clearance", org.hamcrest.Matchers.equalTo("TOP SECRET"));
        given().auth().preemptive().basic(topSecret, PASSWORD).get("/api/cables").then().statusCode(200);
    }

    // ---------------------------------------------------------------- disable, enable, sessions

    @Test
    void disablingAnAccountEndsItsSessionsAtOnceAndEnablingLetsItSignInAgain() {
        String name = unique("leaver");
        create("admin", name, List.of(Roles.REVIEWER), "SECRET", false);
        String token = sessions.open(SessionPrincipal.local(name), false, null);
        assertThat(sessions.active(token)).isPresent();

        as("admin").post("/api/users/" + name + "/disable").then().statusCode(200)
                .body("disabled", org.hamcrest.Matchers.equalTo(true));
        assertThat(sessions.active(token)).isEmpty();
        assertThat(entries("admin", "ACCOUNT_DISABLED", name)).singleElement().satisfies(e -> {
            assertThat(e.get("before")).isEqualTo("REVIEWER; SECRET, not NOFORN-eligible");
            assertThat(e.get("after")).isEqualTo("REVIEWER; SECRET, not NOFORN-eligible; disabled");
            assertThat(String.valueOf(e.get("note"))).contains("1 session ended");
        });

        as("admin").post("/api/users/" + name + "/enable").then().statusCode(200)
                .body("disabled", org.hamcrest.Matchers.equalTo(false));
        assertThat(entries("admin", "ACCOUNT_ENABLED", name)).hasSize(1);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/cables").then().statusCode(200);
    }

    /** Needs security.PasswordCheckCache to refuse a disabled account (the sign-in part of issue #15). */
    @Test
    void aDisabledAccountNoLongerSignsInWithHttpBasic() {
        String name = unique("gone");
        create("admin", name, List.of(Roles.REVIEWER), "SECRET", false);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/cables").then().statusCode(200);
        as("admin").post("/api/users/" + name + "/disable").then().statusCode(200);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/cables").then().statusCode(401);
    }

    @Test
    void anAdministratorCannotDisableThemselves() {
        String admin2 = unique("admin2");
        create("admin", admin2, List.of(Roles.ADMIN), "SECRET", true);
        as(admin2).post("/api/users/" + admin2 + "/disable").then().statusCode(409)
                .body("message", containsString("your own account"));
        as("admin").get("/api/users/" + admin2).then().body("disabled", org.hamcrest.Matchers.equalTo(false));
    }

    // ---------------------------------------------------------------- changes and their trail

    @Test
    void changingRolesOrClearanceEndsTheSessionsAndIsAuditedBeforeAndAfter() {
        String name = unique("mover");
        create("admin", name, List.of(Roles.REVIEWER), "SECRET", true);
        String token = sessions.open(SessionPrincipal.local(name), false, null);

        as("admin").body(grant(List.of(Roles.REVIEWER, Roles.APPROVER), "SECRET", true)).put("/api/users/" + name)
                .then().statusCode(200).body("roles", org.hamcrest.Matchers.contains(Roles.REVIEWER, Roles.APPROVER));
        assertThat(sessions.active(token)).isEmpty();
        assertThat(entries("admin", "ROLES_CHANGED", name)).singleElement().satisfies(e -> {
            assertThat(e.get("before")).isEqualTo("REVIEWER; SECRET, NOFORN-eligible");
            assertThat(e.get("after")).isEqualTo("REVIEWER,APPROVER; SECRET, NOFORN-eligible");
            assertThat(String.valueOf(e.get("actorRoles"))).contains(Roles.ADMIN);
        });

        String token2 = sessions.open(SessionPrincipal.local(name), false, null);
        as("admin").body(grant(List.of(Roles.REVIEWER, Roles.APPROVER), "CONFIDENTIAL", false))
                .put("/api/users/" + name).then().statusCode(200);
        assertThat(sessions.active(token2)).isEmpty();
        assertThat(entries("admin", "ACCOUNT_CHANGED", name)).singleElement().satisfies(e -> {
            assertThat(e.get("before")).isEqualTo("REVIEWER,APPROVER; SECRET, NOFORN-eligible");
            assertThat(e.get("after")).isEqualTo("REVIEWER,APPROVER; CONFIDENTIAL, not NOFORN-eligible");
        });

        String page = given().auth().preemptive().basic(name, PASSWORD).get("/cables").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<span class=\"clearance lvl-C\">CONFIDENTIAL</span>");
    }

    @Test
    void aPasswordResetEndsTheSessionsIsAuditedWithoutThePasswordAndTheOldOneStopsWorking() {
        String name = unique("forgetful");
        String newPassword = "fresh-password-" + name.length() + "x";
        create("admin", name, List.of(Roles.AUDITOR), "SECRET", false);
        String token = sessions.open(SessionPrincipal.local(name), false, null);

        as("admin").body(account(null, "short", List.of(Roles.AUDITOR), "SECRET", false)).put("/api/users/" + name)
                .then().statusCode(400).body("message", containsString("at least 12"));
        assertThat(sessions.active(token)).as("a refused change changes nothing").isPresent();

        as("admin").body(account(name, newPassword, List.of(Roles.AUDITOR), "SECRET", false))
                .put("/api/users/" + name).then().statusCode(200);
        assertThat(sessions.active(token)).isEmpty();
        given().auth().preemptive().basic(name, PASSWORD).get("/api/cables").then().statusCode(401);
        given().auth().preemptive().basic(name, newPassword).get("/api/cables").then().statusCode(200);
        assertThat(entries("admin", "PASSWORD_RESET", name)).hasSize(1);
        assertThat(entries("admin", "ROLES_CHANGED", name)).as("the roles did not change").isEmpty();

        String trail = as("admin").queryParam("user", "admin").get("/api/audit/export.jsonl").then().statusCode(200)
                .extract().asString();
        assertThat(trail).contains("'" + name + "'").doesNotContain(newPassword).doesNotContain(PASSWORD);
    }

    @Test
    void aUserNameCannotBeChangedThroughPut() {
        String name = unique("fixed");
        create("admin", name, List.of(Roles.REVIEWER), "SECRET", false);
        as("admin").body(account("other-name", null, List.of(Roles.REVIEWER), "SECRET", false))
                .put("/api/users/" + name).then().statusCode(400).body("message", containsString("cannot be changed"));
        as("admin").body(grant(List.of(Roles.REVIEWER), "SECRET", false)).put("/api/users/nobody-here").then()
                .statusCode(404);
    }

    @Test
    void resettingTheSecondFactorForgetsTheSecretEndsTheSessionsAndIsAudited() {
        String name = unique("lost-phone");
        create("admin", name, List.of(Roles.REVIEWER), "SECRET", false);
        QuarkusTransaction.requiringNew().run(() -> {
            User u = User.findByUsername(name);
            u.totpSecret = "JBSWY3DPEHPK3PXP";
            u.totpLastStep = 42L;
        });
        String token = sessions.open(SessionPrincipal.local(name), false, null);

        as("admin").post("/api/users/" + name + "/second-factor/reset").then().statusCode(200)
                .body("secondFactorEnrolled", org.hamcrest.Matchers.equalTo(false));
        assertThat(sessions.active(token)).isEmpty();
        User stored = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name));
        assertThat(stored.totpSecret).isNull();
        assertThat(stored.totpLastStep).isNull();
        assertThat(entries("admin", "SECOND_FACTOR_RESET", name)).singleElement()
                .satisfies(e -> assertThat(String.valueOf(e.get("note"))).doesNotContain("JBSWY3DPEHPK3PXP"));
    }

    @Test
    void anAccountCreatedIsAuditedWithItsGrantAndTheAdministratorsRoles() {
        String name = unique("newcomer");
        create("admin", name, List.of(Roles.APPROVER, Roles.REVIEWER), "TS", true);
        assertThat(entries("admin", "ACCOUNT_CREATED", name)).singleElement().satisfies(e -> {
            assertThat(e.get("before")).isNull();
            assertThat(e.get("after")).isEqualTo("REVIEWER,APPROVER; TOP SECRET, NOFORN-eligible");
            assertThat(String.valueOf(e.get("actorRoles"))).contains(Roles.ADMIN);
            assertThat(String.valueOf(e.get("note"))).doesNotContain(PASSWORD);
        });
    }

    // ---------------------------------------------------------------- accounts of the identity provider

    @Test
    void anSsoAccountIsListedButItsRolesClearanceAndPasswordAreTheProvidersOnlyDisableAndEnableApply() {
        String name = unique("sso");
        QuarkusTransaction.requiringNew().run(() -> User.add(name, "unused-" + name + "-pw", Set.of(Roles.REVIEWER),
                ClassificationLevel.SECRET, false).source = User.SSO);
        assertThat(as("admin").get("/api/users").jsonPath().getString("find { it.username == '" + name
                + "' }.source")).isEqualTo("SSO");
        as("admin").body(grant(List.of(Roles.APPROVER), "SECRET", false)).put("/api/users/" + name).then()
                .statusCode(409).body("message", containsString("identity provider"));
        as("admin").post("/api/users/" + name + "/second-factor/reset").then().statusCode(409);
        as("admin").post("/api/users/" + name + "/disable").then().statusCode(200)
                .body("disabled", org.hamcrest.Matchers.equalTo(true));
        as("admin").post("/api/users/" + name + "/enable").then().statusCode(200)
                .body("disabled", org.hamcrest.Matchers.equalTo(false));
    }
}
