package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Roles;
import org.declass.security.User;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * After signing in, each role lands where its work is (issue 19, part 4); the page the person asked for before
 * signing in still wins.
 */
@QuarkusTest
class LandingTest {

    static String landing(String user) {
        Response r = SignIn.post(user, "demo");
        assertThat(r.statusCode()).as(user).isEqualTo(303);
        return java.net.URI.create(r.header("Location")).getRawPath()
                + (java.net.URI.create(r.header("Location")).getRawQuery() == null ? ""
                        : "?" + java.net.URI.create(r.header("Location")).getRawQuery());
    }

    static String newAccount(String prefix, Set<String> roles) {
        String name = prefix + "-" + Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> User.add(name, "demo", roles, ClassificationLevel.SECRET, true));
        return name;
    }

    @Test
    void aReviewerWithNothingOfTheirOwnLandsOnTheUnassignedCablesAndOnTheirOwnOnceTheyHoldOne() {
        String reviewer = newAccount("lander", Set.of(Roles.REVIEWER));
        assertThat(landing(reviewer)).isEqualTo("/review?queue=unassigned");
        long id = given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(CableFixtures.secretCableForReview("8501", "MK-LAND-PLAIN", "MK-LAND-S")
                        .getBytes(StandardCharsets.UTF_8)).post("/api/cables").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        long version = given().auth().preemptive().basic(reviewer, "demo").get("/api/cables/" + id).then()
                .statusCode(200).extract().jsonPath().getLong("version");
        given().auth().preemptive().basic(reviewer, "demo").contentType(ContentType.JSON)
                .body(Map.of("version", version)).post("/api/cables/" + id + "/claim").then().statusCode(200);
        assertThat(landing(reviewer)).isEqualTo("/review?queue=mine");
    }

    @Test
    void theApproverLandsOnTheCablesAwaitingApprovalTheAuditorOnTheTrailTheAdministratorOnTheAccounts() {
        assertThat(landing("approver")).isEqualTo("/review?queue=awaiting");
        assertThat(landing("auditor")).isEqualTo("/audit");
        assertThat(landing("admin")).isEqualTo("/admin/users");
        assertThat(landing(newAccount("reader", Set.of()))).isEqualTo("/cables");
    }

    @Test
    void eachLandingPageOpensForItsRole() {
        for (String[] pair : new String[][] {{"approver", "/review?queue=awaiting"}, {"auditor", "/audit"},
                {"admin", "/admin/users"}, {"reviewer", "/review?queue=unassigned"}}) {
            String token = SignIn.as(pair[0]);
            given().cookie(SignIn.COOKIE, token).redirects().follow(false).get(pair[1]).then().statusCode(200);
        }
    }

    @Test
    void thePageAskedForBeforeSigningInWinsOverTheLanding() {
        SignIn.LoginForm form = SignIn.loginForm();
        for (String user : new String[] {"approver", "auditor", "admin", "reviewer"}) {
            Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .cookie(SignIn.CSRF_COOKIE, form.cookie()).formParam(SignIn.CSRF_FIELD, form.token())
                    .formParam("username", user).formParam("password", "demo").formParam("next", "/cables?q=x")
                    .post("/login");
            assertThat(r.header("Location")).as(user).endsWith("/cables?q=x");
        }
    }

    @Test
    void aSignedInPersonOpeningTheLoginPageGoesToTheirLanding() {
        String token = SignIn.as("auditor");
        Response r = given().cookie(SignIn.COOKIE, token).redirects().follow(false).get("/login");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/audit");
    }
}
