package org.declass.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.audit;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.dispose;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.mark;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * The review screen as a reviewer works with it (issue 19, part 4): the findings beside their paragraphs and the
 * cable-wide ones on top, the progress of the decisions, a mark confirmed unchanged without a typed reason, and
 * only the buttons the person may use.
 */
@QuarkusTest
class ReviewScreenFlowTest {

    /**
     * The review fixture with paragraph 3 left unmarked (R-LVL-2, on that paragraph, with a one-click fix) and the
     * reason citing 1.5 for a 2009 cable (R-EO-1, on the whole cable).
     */
    static long cableWithFindings(String serial) {
        return ingest(CableFixtures.secretCableForReview(serial, "MK-FLOW-PLAIN-" + serial, "MK-FLOW-S-" + serial)
                .replace("reasons 1.4 (b)", "reasons 1.5 (b)").replace("3. (C) Embassy", "3. Embassy"));
    }

    static String page(String user, String path) {
        return given().auth().preemptive().basic(user, "demo").redirects().follow(false).get(path).then()
                .statusCode(200).extract().asString();
    }

    /** The part of the review screen that is paragraph {@code number}'s list item. */
    static String paragraphBlock(String html, int number) {
        int from = html.indexOf("id=\"para-" + number + "\"");
        assertThat(from).as("paragraph " + number + " on the screen").isPositive();
        int next = html.indexOf("id=\"para-", from + 10);
        int end = next > 0 ? next : html.indexOf("</ol>", from);
        return html.substring(from, end);
    }

    @Test
    void theReviewScreenShowsEachFindingBesideItsParagraphAndTheCableWideOnesOnTop() {
        long id = cableWithFindings("8301");
        act("reviewer", id, "claim").then().statusCode(200);
        JsonPath c = cable("reviewer", id);
        int seq3 = c.getInt("paragraphs.find { it.number == 3 }.seq");
        List<String> onParagraph3 = c.getList("findings.findAll { it.paragraph == " + seq3 + " }.code");
        assertThat(onParagraph3).contains("R-LVL-2");
        assertThat(c.getList("findings.findAll { it.paragraph == null }.code", String.class)).contains("R-EO-1");

        String html = page("reviewer", "/review/" + id);
        int top = html.indexOf("id=\"cable-findings\"");
        assertThat(top).as("the cable-wide findings").isPositive();
        assertThat(top).as("above the body").isLessThan(html.indexOf("id=\"para-1\""));
        String cableWide = html.substring(top, html.indexOf("id=\"para-1\""));
        assertThat(cableWide).contains("R-EO-1").doesNotContain("R-LVL-2");
        assertThat(paragraphBlock(html, 3)).contains("R-LVL-2");
        assertThat(paragraphBlock(html, 1)).doesNotContain("R-LVL-2").doesNotContain("R-EO-1");
        // the claimant may apply the paragraph's fix from here
        assertThat(paragraphBlock(html, 3)).contains("/review/" + id + "/findings/R-LVL-2/apply");
    }

    @Test
    void theReviewScreenCountsTheParagraphsDecidedOutOfAll() {
        long id = ingest(CableFixtures.secretCableForReview("8302", "MK-FLOW-PLAIN-8302", "MK-FLOW-S-8302"));
        act("reviewer", id, "claim").then().statusCode(200);
        assertThat(page("reviewer", "/review/" + id)).contains("0 of 3 paragraphs decided")
                .contains("<progress id=\"progress-meter\" max=\"3\" value=\"0\"");
        dispose("reviewer", id, "1", "RELEASE", List.of()).then().statusCode(200);
        dispose("reviewer", id, "3", "WITHHOLD", List.of("25X6")).then().statusCode(200);
        assertThat(page("reviewer", "/review/" + id)).contains("2 of 3 paragraphs decided")
                .contains("<progress id=\"progress-meter\" max=\"3\" value=\"2\"");
    }

    @Test
    void confirmingAnUnchangedMarkNeedsNoReasonButAChangeDoes() {
        long id = ingest(CableFixtures.secretCableForReview("8303", "MK-FLOW-PLAIN-8303", "MK-FLOW-S-8303"));
        act("reviewer", id, "claim").then().statusCode(200);
        // paragraph 3 is (C): confirmed as it stands, no reason typed, through the API and the page's form
        mark("reviewer", id, "3", "C", List.of(), null).then().statusCode(200);
        given().auth().preemptive().basic("reviewer", "demo").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("version", ReviewApi.version(id))
                .formParam("level", "C").formParam("controls", "").formParam("reason", "")
                .post("/review/" + id + "/paragraphs/3/marking").then().statusCode(303);
        List<Map<String, Object>> marks = audit(id).stream()
                .filter(e -> "MARKING_CHANGED".equals(e.get("action"))).toList();
        assertThat(marks).hasSize(2);
        assertThat(String.valueOf(marks.get(0).get("note"))).contains("confirmed unchanged");

        // raising it to (S) without a reason is refused, and nothing changes
        long version = ReviewApi.version(id);
        mark("reviewer", id, "3", "S", List.of(), null).then().statusCode(400)
                .body("message", containsString("reason"));
        mark("reviewer", id, "3", "S", List.of(), "  ").then().statusCode(400);
        assertThat(ReviewApi.version(id)).isEqualTo(version);
        assertThat(cable("reviewer", id).getString("paragraphs.find { it.number == 3 }.marking.portionMark"))
                .isEqualTo("(C)");
        // an unmarked paragraph given a mark is a change too
        long unmarked = cableWithFindings("8304");
        act("reviewer", unmarked, "claim").then().statusCode(200);
        mark("reviewer", unmarked, "3", "C", List.of(), null).then().statusCode(400);
        mark("reviewer", unmarked, "3", "C", List.of(), "checked with the post").then().statusCode(200);
    }

    @Test
    void onlyAnApproverIsOfferedTheReturnButtonAndOnlyWhileTheCableAwaitsApproval() {
        long id = ingest(CableFixtures.secretCableForReview("8305", "MK-FLOW-PLAIN-8305", "MK-FLOW-S-8305"));
        act("reviewer", id, "claim").then().statusCode(200);
        act("reviewer", id, "submit").then().statusCode(200);
        assertThat(page("approver", "/review/" + id + "/approve")).contains("id=\"return\"")
                .contains("action=\"/review/" + id + "/return\"");
        for (String user : new String[] {"reviewer", "auditor"}) {
            assertThat(page(user, "/review/" + id + "/approve")).as(user).doesNotContain("id=\"return\"")
                    .doesNotContain("/review/" + id + "/return").doesNotContain("id=\"approve\"");
        }
        act("approver", id, "approve").then().statusCode(200);
        assertThat(page("approver", "/review/" + id + "/approve")).as("approved: nothing to return")
                .doesNotContain("id=\"return\"");
    }

    @Test
    void aOneClickFixIsOfferedOnlyToTheClaimantWhoMayApplyIt() {
        long id = cableWithFindings("8306");
        String fix = "/review/" + id + "/findings/R-LVL-2/apply";
        assertThat(page("reviewer", "/review/" + id)).as("not claimed yet").doesNotContain(fix);
        assertThat(page("reviewer", "/cables/" + id)).as("not claimed yet").doesNotContain(fix);
        act("reviewer", id, "claim").then().statusCode(200);
        assertThat(page("reviewer", "/review/" + id)).contains(fix);
        assertThat(page("reviewer", "/cables/" + id)).contains(fix);
        for (String user : new String[] {"approver", "auditor", "admin"}) {
            assertThat(page(user, "/review/" + id)).as(user).doesNotContain(fix).contains("R-LVL-2");
            assertThat(page(user, "/cables/" + id)).as(user).doesNotContain(fix);
        }
    }

    @Test
    void aFixAppliedFromTheReviewScreenLeadsBackToIt() {
        long id = cableWithFindings("8307");
        act("reviewer", id, "claim").then().statusCode(200);
        given().auth().preemptive().basic("reviewer", "demo").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("version", ReviewApi.version(id))
                .formParam("paragraph", cable("reviewer", id).getInt("paragraphs.find { it.number == 3 }.seq"))
                .formParam("back", "review")
                .post("/review/" + id + "/findings/R-LVL-2/apply").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/review/" + id));
        assertThat(cable("reviewer", id).getList("findings.code")).doesNotContain("R-LVL-2");
    }
}
