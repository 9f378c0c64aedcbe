package org.declass.sso;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Roles;
import org.declass.security.User;
import org.declass.testdata.CableFixtures;
import org.declass.web.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real Keycloak (deploy/keycloak): the whole code flow as a browser goes through it, the
 * claims mapped to roles, clearance and NOFORN eligibility, the refusals, and bearer tokens on the API.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
class SingleSignOnTest {

    static final AtomicInteger SERIAL = new AtomicInteger(8800);

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void keycloak() {
        TestKeycloak.requireOrSkip();
    }

    TestKeycloak.Outcome signIn(String username, String next) throws Exception {
        return TestKeycloak.signIn(URI.create(root + "login/sso" + (next == null ? "" : "?next=" + next)), username);
    }

    /** Signs in through Keycloak and returns the Declass session token; fails when there is none. */
    String sessionOf(String username) throws Exception {
        TestKeycloak.Outcome o = signIn(username, null);
        String token = o.cookie(URI.create(root.toString()), SignIn.COOKIE);
        assertThat(token).as("Declass session after " + o.visited()).isNotBlank();
        return token;
    }

    static long ingest(String text) {
        return given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/cables")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A search word of letters only (the word index splits at digits), unique in this run. */
    static String word(String prefix) {
        StringBuilder out = new StringBuilder(prefix);
        for (char c : serial().toCharArray()) {
            out.append((char) ('a' + (c - '0')));
        }
        return out.toString();
    }

    static String serial() {
        return String.valueOf(SERIAL.incrementAndGet());
    }

    @Test
    void theLoginPageOffersSingleSignOnWithTheProvidersLabel() {
        String page = given().get("/login").then().statusCode(200).extract().asString();
        assertThat(page).contains("Sign in with Keycloak (test)").contains("href=\"/login/sso\"");
    }

    @Test
    void theCodeFlowGoesThroughKeycloaksLoginPageAndEndsInADeclassSessionWithTheClaimsClearance() throws Exception {
        TestKeycloak.Outcome o = signIn("sso-reviewer", "%2Freview");
        assertThat(o.visited()).as("the way through Keycloak").anyMatch(v -> v.contains("/login-actions/authenticate"))
                .anyMatch(v -> v.contains("/protocol/openid-connect/auth"));
        assertThat(o.last().statusCode()).as(String.join("\n", o.visited())).isEqualTo(200);
        assertThat(o.last().body()).contains("url=/review").contains("href=\"/review\"");
        String token = o.cookie(URI.create(root.toString()), SignIn.COOKIE);
        assertThat(token).isNotBlank();
        String declass = TestKeycloak.authority(URI.create(root.toString()));
        assertThat(o.cookiesEverSet()).as("quarkus-oidc's session cookie was set")
                .anyMatch(name -> name.startsWith(declass + " q_session"));
        assertThat(o.cookies().get(declass).keySet()).as("and then dropped")
                .noneMatch(name -> name.startsWith("q_session"));

        String cables = given().cookie(SignIn.COOKIE, token).redirects().follow(false).get("/cables").then()
                .statusCode(200).extract().asString();
        assertThat(cables).contains("sso-reviewer").contains(">SECRET · NOFORN-eligible<").contains("REVIEWER");
        given().cookie(SignIn.COOKIE, token).get("/api/cables?size=1").then().statusCode(200);

        User row = QuarkusTransaction.requiringNew().call(() -> User.findByUsername("sso-reviewer"));
        assertThat(row.source).isEqualTo(User.SSO);
        assertThat(row.roleList()).containsExactly(Roles.REVIEWER);
        assertThat(row.clearance).isEqualTo(ClassificationLevel.SECRET);
        assertThat(row.nofornEligible).isTrue();
        assertThat(row.password).as("a random hash, never empty").startsWith("$2");
        // and the password form does not open an SSO account, whatever is typed
        assertThat(SignIn.post("sso-reviewer", "sso-test-password").statusCode()).isEqualTo(401);
    }

    @Test
    void aUserWithoutAClearanceClaimReadsOnlyUnclassifiedPortions() throws Exception {
        String marker = word("kmssoc");
        String plain = word("kmssou");
        long confidential = ingest(CableFixtures.confidentialCable(serial(), marker)
                .replace("TAGS: ECON EINV UY", "TAGS: ECON EINV UY " + marker.toUpperCase()));
        ingest(CableFixtures.unclassifiedCable(serial(), plain)
                .replace("TAGS: ECON EAGR MG", "TAGS: ECON EAGR MG " + plain.toUpperCase()));
        String token = sessionOf("sso-noclearance");

        String page = given().cookie(SignIn.COOKIE, token).get("/cables").then().statusCode(200).extract().asString();
        assertThat(page).contains("sso-noclearance").contains(">UNCLASSIFIED<");
        // the CONFIDENTIAL cable is no hit for it, the UNCLASSIFIED one is; a SECRET reader finds both
        given().cookie(SignIn.COOKIE, token).get("/api/cables?q=" + marker).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        given().cookie(SignIn.COOKIE, token).get("/api/cables?q=" + plain).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
        given().auth().preemptive().basic("reviewer", "demo").get("/api/cables?q=" + marker).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
        // and its (C) paragraphs are withheld from it
        String cable = given().cookie(SignIn.COOKIE, token).get("/api/cables/" + confidential).then().statusCode(200)
                .extract().asString();
        assertThat(cable).doesNotContainIgnoringCase(marker).contains("withheld");
        assertThat(given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + confidential)
                .asString()).contains(marker);
    }

    @Test
    void anApproverFromTheProviderApprovesWhatALocalReviewerSubmitted() throws Exception {
        long id = ingest(CableFixtures.secretCableForReview(serial(), "PLAIN-SSO", "MK-SSO-APPROVE"));
        reviewAction("reviewer", id, "claim");
        reviewAction("reviewer", id, "submit");
        String bearer = TestKeycloak.accessToken("sso-approver");
        long version = given().auth().oauth2(bearer).get("/api/cables/" + id).then().statusCode(200).extract()
                .jsonPath().getLong("version");
        given().auth().oauth2(bearer).contentType(ContentType.JSON).body(Map.of("version", version))
                .post("/api/cables/" + id + "/approve").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("APPROVED"));
        given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + id).then()
                .body("workflow.approvedBy", org.hamcrest.Matchers.equalTo("sso-approver"));

        // the same user through the pages: its session has the APPROVER role too
        String page = given().cookie(SignIn.COOKIE, sessionOf("sso-approver")).get("/cables").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("APPROVER").contains(">SECRET · NOFORN-eligible<");
    }

    static void reviewAction(String user, long id, String action) {
        long version = given().auth().preemptive().basic(user, "demo").get("/api/cables/" + id).then()
                .statusCode(200).extract().jsonPath().getLong("version");
        given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON)
                .body(Map.of("version", version)).post("/api/cables/" + id + "/" + action).then().statusCode(200);
    }

    @Test
    void aRoleMapTurnsAProviderRoleIntoADeclassRoleAndBearerTokensCarryIt() throws Exception {
        String bearer = TestKeycloak.accessToken("sso-auditor");
        given().auth().oauth2(bearer).get("/api/audit?size=1").then().statusCode(200);
        given().auth().oauth2(bearer).contentType("text/plain").body("x").post("/api/cables").then().statusCode(403);
        given().auth().oauth2(bearer + "x").get("/api/audit?size=1").then().statusCode(401);
    }

    @Test
    void theProviderCannotSignInAsALocalAccountOfTheSameName() throws Exception {
        TestKeycloak.Outcome o = signIn("reviewer", null);
        assertThat(o.last().statusCode()).as(String.join("\n", o.visited())).isEqualTo(403);
        assertThat(o.last().body()).contains("signs in here with its own password");
        assertThat(o.cookie(URI.create(root.toString()), SignIn.COOKIE)).isNull();
        User local = QuarkusTransaction.requiringNew().call(() -> User.findByUsername("reviewer"));
        assertThat(local.source).isEqualTo(User.LOCAL);
        assertThat(local.clearance).isEqualTo(ClassificationLevel.SECRET);
        assertThat(local.roleList()).containsExactly(Roles.REVIEWER);

        given().auth().oauth2(TestKeycloak.accessToken("reviewer")).get("/api/cables?size=1").then()
                .statusCode(401);
    }

    @Test
    void aDisabledSsoAccountIsSignedOutAndCannotSignInAgain() throws Exception {
        String token = sessionOf("sso-disabled");
        given().cookie(SignIn.COOKIE, token).get("/api/cables?size=1").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> User.findByUsername("sso-disabled").disabled = true);
        try {
            given().cookie(SignIn.COOKIE, token).get("/api/cables?size=1").then().statusCode(401);
            TestKeycloak.Outcome again = signIn("sso-disabled", null);
            assertThat(again.last().statusCode()).isEqualTo(403);
            assertThat(again.last().body()).contains("disabled");
            given().auth().oauth2(TestKeycloak.accessToken("sso-disabled")).get("/api/cables?size=1").then()
                    .statusCode(401);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> User.findByUsername("sso-disabled").disabled = false);
        }
    }

    @Test
    void signingOutOfAnSsoSessionEndsIt() throws Exception {
        String token = sessionOf("sso-reviewer");
        given().cookie(SignIn.COOKIE, token).formParam(SignIn.CSRF_FIELD, SignIn.csrfToken(token))
                .redirects().follow(false).post("/logout").then().statusCode(303);
        given().cookie(SignIn.COOKIE, token).get("/api/cables?size=1").then().statusCode(401);
    }

    @Test
    void aPageOtherThanTheSignInPageNeverStartsTheCodeFlow() {
        Response r = given().redirects().follow(false).get("/cables");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).startsWith("/login");
        given().get("/api/cables?size=1").then().statusCode(401);
    }
}
