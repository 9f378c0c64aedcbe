package org.declass.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.ingest;

import java.util.Map;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.declass.marking.ClassificationLevel;
import org.declass.security.User;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * The cable page offers one main action for the cable's state and the reader's role (issue 19, part 4): claim,
 * continue or resume the review, approve, or view the release; and who reviewed and approved it, and its
 * redactions, only to those the disclosure decision lets know them.
 */
@QuarkusTest
class CablePageMainActionTest {

    static String page(String user, long id) {
        return given().auth().preemptive().basic(user, "demo").redirects().follow(false).get("/cables/" + id)
                .then().statusCode(200).extract().asString();
    }

    /** The main action's id on the cable page for this user, or "none". */
    static String mainAction(String user, long id) {
        String html = page(user, id);
        int at = html.indexOf("id=\"main-action\" data-action=\"");
        if (at < 0) {
            assertThat(html).doesNotContain("id=\"main-action\"");
            return "none";
        }
        int from = at + "id=\"main-action\" data-action=\"".length();
        return html.substring(from, html.indexOf('"', from));
    }

    static long cable(String serial) {
        return ingest(CableFixtures.secretCableForReview(serial, "MK-MAIN-PLAIN-" + serial, "MK-MAIN-S-" + serial));
    }

    @Test
    void aNewCableOffersAReviewerToClaimItAndNobodyElseAnything() {
        long id = cable("8401");
        assertThat(mainAction("reviewer", id)).isEqualTo("claim");
        assertThat(page("reviewer", id)).contains("<form method=\"post\" action=\"/review/" + id + "/claim\"");
        assertThat(mainAction("approver", id)).isEqualTo("none");
        assertThat(mainAction("auditor", id)).isEqualTo("none");
        // reviewer2 is cleared CONFIDENTIAL only: the review would refuse her, so the page offers nothing
        assertThat(mainAction("reviewer2", id)).isEqualTo("none");
    }

    @Test
    void theClaimantContinuesTheReviewAndResumesItWhenReturned() {
        long id = cable("8402");
        act("reviewer", id, "claim").then().statusCode(200);
        assertThat(mainAction("reviewer", id)).isEqualTo("continue-review");
        assertThat(page("reviewer", id)).contains("href=\"/review/" + id + "\"");
        assertThat(mainAction("admin", id)).as("another reviewer's cable").isEqualTo("none");
        act("reviewer", id, "submit").then().statusCode(200);
        assertThat(mainAction("reviewer", id)).as("submitted: the approver's turn").isEqualTo("none");
        act("approver", id, "return", "reason", "paragraph 3 needs a decision").then().statusCode(200);
        assertThat(mainAction("reviewer", id)).isEqualTo("resume-review");
        assertThat(mainAction("admin", id)).isEqualTo("none");
    }

    @Test
    void aSubmittedCableOffersApprovalToAnApproverWhoDidNotReviewIt() {
        long id = cable("8403");
        act("admin", id, "claim").then().statusCode(200);
        act("admin", id, "submit").then().statusCode(200);
        assertThat(mainAction("approver", id)).isEqualTo("approve");
        assertThat(page("approver", id)).contains("href=\"/review/" + id + "/approve\"");
        assertThat(mainAction("admin", id)).as("the two-person rule: admin reviewed it").isEqualTo("none");
        assertThat(mainAction("reviewer", id)).isEqualTo("none");
    }

    @Test
    void aReleasedCableLinksEveryReaderToItsReadingRoomCopy() {
        long id = ingest(CableFixtures.secretCableForReview("8404", "MK-MAIN-PLAIN-8404", "MK-MAIN-S-8404")
                .replace("DECL: 04/29/2019", "DECL: 02/09/2019"));
        act("reviewer", id, "claim").then().statusCode(200);
        act("reviewer", id, "submit").then().statusCode(200);
        act("approver", id, "approve").then().statusCode(200);
        ReviewApi.as("approver").body(Map.of("version", ReviewApi.version(id))).post("/api/cables/" + id + "/release")
                .then().statusCode(200);
        for (String user : new String[] {"reviewer", "approver", "auditor", "reviewer2"}) {
            assertThat(mainAction(user, id)).as(user).isEqualTo("view-release");
            assertThat(page(user, id)).as(user).contains("href=\"/reading-room/" + id + "\"");
        }
        given().get("/reading-room/" + id).then().statusCode(200);
    }

    @Test
    void theApproverAndTheRedactionsAreShownToStaffButNotToAReaderWithoutARole() {
        long id = cable("8405");
        act("reviewer", id, "claim").then().statusCode(200);
        String text = ReviewApi.text(id, 2);
        int start = text.indexOf("MK-MAIN-S-8405");
        ReviewApi.redact("reviewer", id, "2", start, start + "MK-MAIN-S-8405".length(),
                java.util.List.of("50X1-HUM"), "a source").then().statusCode(201);
        act("reviewer", id, "submit").then().statusCode(200);
        act("approver", id, "approve").then().statusCode(200);
        for (String user : new String[] {"reviewer", "approver", "auditor"}) {
            String html = page(user, id);
            assertThat(html).as(user).contains("id=\"approved-by\"").contains("Approved by approver")
                    .contains("Redacted for release").contains("50X1-HUM");
        }
        String reader = "reader-" + Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> User.add(reader, "demo", Set.of(), ClassificationLevel.SECRET,
                true));
        String html = page(reader, id);
        assertThat(html).as("cleared, so the text is there").contains("MK-MAIN-PLAIN-8405");
        assertThat(html).doesNotContain("id=\"approved-by\"").doesNotContain("Approved by")
                .doesNotContain("Redacted for release").doesNotContain("id=\"reviewer\"");
        given().auth().preemptive().basic(reader, "demo").get("/api/cables/" + id).then().statusCode(200)
                .body("workflow.approvedBy", org.hamcrest.Matchers.nullValue())
                .body("assignee", org.hamcrest.Matchers.nullValue())
                .body("redactions.size()", org.hamcrest.Matchers.equalTo(0));
    }
}
