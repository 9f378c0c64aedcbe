package org.declass.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.version;
import static org.hamcrest.Matchers.containsString;

import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.declass.testdata.CableFixtures;
import org.declass.web.SignIn;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 15: a page on another port of the same host made a signed-in approver's browser approve a
 * cable. The approver's form post is refused unless it comes from this origin and carries the approver's own CSRF
 * token; refused, the cable stays SUBMITTED at the same version.
 */
@QuarkusTest
class CrossSiteApprovalTest {

    static final AtomicInteger SERIAL = new AtomicInteger(7850);

    /** A cable claimed and submitted by the reviewer: the approver's approve form is next. */
    static long submitted() {
        String serial = String.valueOf(SERIAL.incrementAndGet());
        long id = ingest(CableFixtures.secretCableForReview(serial, "MK-CSRF-U" + serial, "MK-CSRF-S" + serial));
        act("reviewer", id, "claim").then().statusCode(200);
        act("reviewer", id, "submit").then().statusCode(200);
        return id;
    }

    static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    /** The approve form of the approver's screen, posted by the browser of the session {@code session}. */
    static RequestSpecification approveForm(String session, long id) {
        return given().cookie(SignIn.COOKIE, session).redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded").formParam("version", version(id))
                .formParam("confirm", "yes"); // the form's confirmation step (issue 19) is FeedbackPagesTest's
    }

    static void assertUnchanged(long id, long versionBefore) {
        assertThat(cable("admin", id).getString("state")).isEqualTo("SUBMITTED");
        assertThat(version(id)).isEqualTo(versionBefore);
    }

    @Test
    void theApproversFormPostedFromAnotherPortOfTheSameHostIsRefusedAndTheCableStaysSubmitted() {
        long id = submitted();
        long v = version(id);
        String session = SignIn.as("approver");
        String token = SignIn.csrfToken(session);
        String otherPort = "http://localhost:" + (RestAssured.port + 1);
        approveForm(session, id).header("Origin", otherPort).formParam(SignIn.CSRF_FIELD, token)
                .post("/review/" + id + "/approve").then().statusCode(403)
                .body(containsString("another site")).body(containsString(otherPort));
        assertUnchanged(id, v);
    }

    @Test
    void theApproveFormWithoutATokenIsRefusedAndChangesNothing() {
        long id = submitted();
        long v = version(id);
        String session = SignIn.as("approver");
        Response r = approveForm(session, id).header("Origin", ownOrigin()).post("/review/" + id + "/approve");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("no CSRF token")
                .contains("the form is out of date or came from another site; reload the page and try again");
        assertUnchanged(id, v);
    }

    @Test
    void theApproveFormWithAWrongTokenIsRefusedAndChangesNothing() {
        long id = submitted();
        long v = version(id);
        String session = SignIn.as("approver");
        String token = SignIn.csrfToken(session);
        String wrong = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);
        approveForm(session, id).header("Origin", ownOrigin()).formParam(SignIn.CSRF_FIELD, wrong)
                .post("/review/" + id + "/approve").then().statusCode(403)
                .body(containsString("does not belong to your session"));
        approveForm(session, id).formParam(SignIn.CSRF_FIELD, "").post("/review/" + id + "/approve")
                .then().statusCode(403);
        assertUnchanged(id, v);
    }

    @Test
    void theTokenOfAnotherSessionIsRefusedEvenOfTheSameAccount() {
        long id = submitted();
        long v = version(id);
        String victim = SignIn.as("approver");
        String attackers = SignIn.csrfToken(SignIn.as("approver"));
        assertThat(attackers).isNotEqualTo(SignIn.csrfToken(victim));
        approveForm(victim, id).header("Origin", ownOrigin()).formParam(SignIn.CSRF_FIELD, attackers)
                .post("/review/" + id + "/approve").then().statusCode(403);
        assertUnchanged(id, v);
    }

    @Test
    void theTokenOfASignedOutSessionNoLongerWorksInTheNextSession() {
        long id = submitted();
        long v = version(id);
        String first = SignIn.as("approver");
        String oldToken = SignIn.csrfToken(first);
        given().cookie(SignIn.COOKIE, first).formParam(SignIn.CSRF_FIELD, oldToken).redirects().follow(false)
                .post("/logout").then().statusCode(303);
        String second = SignIn.as("approver");
        approveForm(second, id).formParam(SignIn.CSRF_FIELD, oldToken).post("/review/" + id + "/approve")
                .then().statusCode(403);
        assertUnchanged(id, v);
    }

    @Test
    void theApproveFormWithItsTokenFromThisOriginApproves() {
        long id = submitted();
        long v = version(id);
        String session = SignIn.as("approver");
        String page = given().cookie(SignIn.COOKIE, session).get("/review/" + id + "/approve").then()
                .statusCode(200).extract().asString();
        String token = SignIn.formToken(page.substring(page.indexOf("action=\"/review/" + id + "/approve\"")));
        assertThat(token).isEqualTo(SignIn.csrfToken(session));
        approveForm(session, id).header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin")
                .formParam(SignIn.CSRF_FIELD, token).post("/review/" + id + "/approve").then().statusCode(303);
        assertThat(cable("admin", id).getString("state")).isEqualTo("APPROVED");
        assertThat(version(id)).isEqualTo(v + 1);
    }

    @Test
    void aBrowserThatHidesTheOriginIsJudgedByFetchMetadataAndReferer() {
        long id = submitted();
        long v = version(id);
        String session = SignIn.as("approver");
        String token = SignIn.csrfToken(session);
        String otherPort = "http://localhost:" + (RestAssured.port + 1);
        approveForm(session, id).header("Origin", "null").formParam(SignIn.CSRF_FIELD, token)
                .post("/review/" + id + "/approve").then().statusCode(403).body(containsString("Origin: null"));
        approveForm(session, id).header("Origin", "null").header("Sec-Fetch-Site", "same-site")
                .formParam(SignIn.CSRF_FIELD, token).post("/review/" + id + "/approve").then().statusCode(403);
        approveForm(session, id).header("Sec-Fetch-Site", "cross-site").formParam(SignIn.CSRF_FIELD, token)
                .post("/review/" + id + "/approve").then().statusCode(403);
        approveForm(session, id).header("Sec-Fetch-Site", "same-site").formParam(SignIn.CSRF_FIELD, token)
                .post("/review/" + id + "/approve").then().statusCode(403);
        approveForm(session, id).header("Referer", otherPort + "/evil.html").formParam(SignIn.CSRF_FIELD, token)
                .post("/review/" + id + "/approve").then().statusCode(403);
        assertUnchanged(id, v);
        // our own page under Referrer-Policy: no-referrer: the browser sends Origin: null, and says same-origin
        approveForm(session, id).header("Origin", "null").header("Sec-Fetch-Site", "same-origin")
                .formParam(SignIn.CSRF_FIELD, token).post("/review/" + id + "/approve").then().statusCode(303);
        assertThat(cable("admin", id).getString("state")).isEqualTo("APPROVED");
    }

    @Test
    void theBasicAuthApiApprovesWithoutOriginOrTokenButNotFromAnotherOrigin() {
        long id = submitted();
        long v = version(id);
        ReviewApi.as("approver").header("Origin", "http://localhost:" + (RestAssured.port + 1))
                .body(ReviewApi.body(v)).post("/api/cables/" + id + "/approve").then().statusCode(403)
                .body("message", containsString("another site"));
        assertUnchanged(id, v);
        act("approver", id, "approve").then().statusCode(200);
        assertThat(cable("admin", id).getString("state")).isEqualTo("APPROVED");
    }
}
