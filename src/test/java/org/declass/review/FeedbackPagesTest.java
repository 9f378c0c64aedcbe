package org.declass.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.version;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.declass.feedback.Flash;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, part 3, on the server: every form's action is confirmed by a one-time message on the next page; approve,
 * remove a redaction and a mark that raises the banner are not taken until the form confirms; a refused form shows the
 * same screen again with its error next to it and the typed input kept; a stale second tab is told what changed.
 */
@QuarkusTest
class FeedbackPagesTest {

    static final AtomicInteger SERIAL = new AtomicInteger(9300);

    static long confidential() {
        String serial = String.valueOf(SERIAL.incrementAndGet());
        return ingest(CableFixtures.confidentialCable(serial, "MK-FEEDBACK-" + serial));
    }

    static long claimed() {
        long id = confidential();
        act("reviewer", id, "claim").then().statusCode(200);
        return id;
    }

    static RequestSpecification form(String user, long id) {
        return given().auth().preemptive().basic(user, "demo").redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded").formParam("version", version(id));
    }

    /** The page {@code path} read by {@code user} with the message cookie the previous answer set. */
    static Response nextPage(String user, Response previous, String path) {
        String flash = previous.getCookie(Flash.COOKIE);
        assertThat(flash).as("the action's answer carries its message").isNotBlank();
        return given().auth().preemptive().basic(user, "demo").accept("text/html").cookie(Flash.COOKIE, flash)
                .get(path).then().statusCode(200).extract().response();
    }

    @Test
    void aClaimFromTheReviewScreenIsConfirmedOnceOnTheNextPage() {
        long id = confidential();
        String reference = cable("admin", id).getString("reference");
        Response claim = form("reviewer", id).post("/review/" + id + "/claim");
        assertThat(claim.statusCode()).isEqualTo(303);
        Response next = nextPage("reviewer", claim, "/review/" + id);
        assertThat(next.asString()).contains("id=\"flash-message\" role=\"status\"")
                .contains("You claimed " + reference);
        assertThat(next.getDetailedCookie(Flash.COOKIE).getMaxAge()).as("read once, then cleared").isZero();
        String again = given().auth().preemptive().basic("reviewer", "demo").get("/review/" + id).asString();
        assertThat(again).doesNotContain("flash-message");
    }

    @Test
    void aMessageCookieWithoutTheServersSignatureShowsNothing() {
        long id = confidential();
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "9999999999\nNOT_DONE\ncall 555-0100 to restore your account".getBytes()) + ".00ff";
        String page = given().auth().preemptive().basic("reviewer", "demo").cookie(Flash.COOKIE, forged)
                .get("/cables/" + id).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("flash-message").doesNotContain("555-0100");
    }

    @Test
    void aMarkThatRaisesTheBannerIsNotTakenUntilConfirmedAndThenNamesTheRaise() {
        long id = claimed();
        long v = version(id);
        String page = form("reviewer", id).formParam("level", "S").formParam("reason", "names a source")
                .post("/review/" + id + "/paragraphs/2/marking").then().statusCode(200).extract().asString();
        assertThat(page).contains("raises the cable&#39;s banner above CONFIDENTIAL")
                .contains("name=\"reason\" value=\"names a source\"").contains("name=\"confirm\" value=\"yes\"");
        assertThat(version(id)).as("nothing changed before the confirmation").isEqualTo(v);
        assertThat(cable("admin", id).getString("banner")).isEqualTo("CONFIDENTIAL");

        Response done = form("reviewer", id).formParam("level", "S").formParam("reason", "names a source")
                .formParam("confirm", "yes").post("/review/" + id + "/paragraphs/2/marking");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(cable("admin", id).getString("banner")).isEqualTo("SECRET");
        assertThat(nextPage("reviewer", done, "/review/" + id).asString())
                .contains("Paragraph 2 marked (S); banner raised CONFIDENTIAL → SECRET.");
    }

    @Test
    void aMarkThatKeepsTheBannerIsTakenWithoutAConfirmationStep() {
        long id = claimed();
        Response done = form("reviewer", id).formParam("level", "C").formParam("reason", "as sent")
                .post("/review/" + id + "/paragraphs/2/marking");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(nextPage("reviewer", done, "/review/" + id).asString()).contains("Paragraph 2 marked (C).")
                .doesNotContain("banner raised");
    }

    @Test
    void approvingFromTheFormAsksFirstAndOnlyTheConfirmationApproves() {
        long id = claimed();
        act("reviewer", id, "submit").then().statusCode(200);
        String reference = cable("admin", id).getString("reference");
        String ask = form("approver", id).post("/review/" + id + "/approve").then().statusCode(200).extract()
                .asString();
        assertThat(ask).contains("Approve " + reference + " as release authority?").contains("id=\"confirm-yes\"")
                .contains("href=\"/review/" + id + "/approve\" id=\"confirm-cancel\"");
        assertThat(cable("admin", id).getString("state")).isEqualTo("SUBMITTED");

        Response approved = form("approver", id).formParam("confirm", "yes").post("/review/" + id + "/approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(cable("admin", id).getString("state")).isEqualTo("APPROVED");
        assertThat(nextPage("approver", approved, "/review?queue=awaiting").asString())
                .contains(reference + " approved");
    }

    @Test
    void removingARedactionFromTheFormAsksFirst() {
        long id = claimed();
        long rid = ReviewApi.redact("reviewer", id, "1", 0, 5, List.of("25X1"), "test").then().statusCode(201)
                .extract().jsonPath().getLong("redactionId");
        form("reviewer", id).post("/review/" + id + "/redactions/" + rid + "/delete").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Remove this redaction?"));
        assertThat(cable("admin", id).getList("redactions")).hasSize(1);
        Response removed = form("reviewer", id).formParam("confirm", "yes")
                .post("/review/" + id + "/redactions/" + rid + "/delete");
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(cable("admin", id).getList("redactions")).isEmpty();
        assertThat(nextPage("reviewer", removed, "/review/" + id).asString()).contains("Redaction removed");
    }

    @Test
    void aRefusedHoldShowsTheReviewScreenAgainWithTheErrorAndTheTypedInputKept() {
        long id = claimed();
        String page = form("reviewer", id).formParam("code", "25X1").formParam("reason", "awaiting the embassy")
                .formParam("until", "2030-13-45").post("/review/" + id + "/hold").then().statusCode(400).extract()
                .asString();
        assertThat(page).contains("<details class=\"card hold\" open>")
                .contains("id=\"hold-error\" role=\"alert\">the date 2030-13-45 is not yyyy-mm-dd")
                .contains("id=\"hold-code\" name=\"code\" list=\"exemption-codes\" required value=\"25X1\"")
                .contains("id=\"hold-reason\" name=\"reason\" required value=\"awaiting the embassy\"")
                .contains("data-review data-cable=\"" + id + "\"");
    }

    @Test
    void aRefusedRedactionReopensItsDialogWithTheSelectionAndTheCodeKept() {
        long id = claimed();
        String page = form("reviewer", id).formParam("paragraph", "1").formParam("start", 0).formParam("end", 99_999)
                .formParam("codes", "25X1").formParam("note", "the source's name").post("/review/" + id + "/redactions")
                .then().statusCode(400).extract().asString();
        assertThat(page).contains("<dialog id=\"redact-dialog\" class=\"card\" open>")
                .contains("id=\"redact-error\" role=\"alert\"")
                .contains("name=\"start\" id=\"redact-start\" value=\"0\"")
                .contains("name=\"end\" id=\"redact-end\" value=\"99999\"")
                .contains("name=\"codes\" list=\"exemption-codes\" autocomplete=\"off\" required value=\"25X1\"")
                .contains("id=\"redact-note\" name=\"note\" value=\"the source&#39;s name\"");
    }

    @Test
    void aStaleSecondTabIsToldWhatChangedAndKeepsTheTypedReason() {
        long id = claimed();
        long opened = version(id);
        ReviewApi.dispose("reviewer", id, "3", "RELEASE", List.of()).then().statusCode(200); // the first tab
        String page = given().auth().preemptive().basic("reviewer", "demo").redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("version", opened).formParam("level", "C")
                .formParam("reason", "typed in the second tab").post("/review/" + id + "/paragraphs/1/marking")
                .then().statusCode(409).extract().asString();
        assertThat(page).contains("This cable changed since you opened it:")
                .contains("it is now at version " + (opened + 1) + " (you opened version " + opened + "), in review,"
                        + " claimed by reviewer")
                .contains("href=\"/review/" + id + "\" id=\"reload\"")
                .contains("value=\"typed in the second tab\"")
                .contains("What you typed: reason “typed in the second tab”")
                .contains("id=\"mark-error-1\" role=\"alert\">this cable changed since you opened it");
        assertThat(version(id)).isEqualTo(opened + 1);
    }

    @Test
    void anUploadOfADuplicateSaysSoAndLinksTheCableItDuplicates() {
        String serial = String.valueOf(SERIAL.incrementAndGet());
        String text = CableFixtures.confidentialCable(serial, "MK-FEEDBACK-DUP-" + serial);
        long id = ingest(text);
        String reference = cable("admin", id).getString("reference");
        Response upload = given().auth().preemptive().basic("reviewer", "demo").redirects().follow(false)
                .multiPart("text", text).post("/upload");
        assertThat(upload.statusCode()).isEqualTo(303);
        assertThat(nextPage("reviewer", upload, "/cables/" + id).asString())
                .contains("your upload is a duplicate of <a href=\"/cables/" + id + "\">" + reference + "</a>");
    }

    @Test
    void aRefusedUploadShowsTheFormAgainWithThePastedTextKept() {
        String page = given().auth().preemptive().basic("reviewer", "demo").redirects().follow(false)
                .multiPart("text", "Dear diary, nothing classified here.").multiPart("reference", "05NOWHERE1")
                .post("/upload").then().extract().asString();
        assertThat(page).contains("id=\"upload-error\"").contains(">Dear diary, nothing classified here.</textarea>")
                .contains("value=\"05NOWHERE1\"");
    }

    @Test
    void anUnknownAddressSaysThereIsNoPageAndSendsAnAnonymousReaderToTheReadingRoom() {
        String page = given().accept("text/html").get("/reading-room/no/such/page").then().statusCode(404).extract()
                .asString();
        assertThat(page).contains("There is no page at this address.")
                .contains("<a href=\"/reading-room\" id=\"error-home\">").doesNotContain("RESTEASY")
                .doesNotContain("Unable to find");
        String unreleased = given().accept("text/html").get("/reading-room/999999999").then().statusCode(404)
                .extract().asString();
        assertThat(unreleased).contains("<a href=\"/reading-room\" id=\"error-home\">");
        String signedIn = given().auth().preemptive().basic("reviewer", "demo").accept("text/html")
                .get("/no/such/page").then().statusCode(404).extract().asString();
        assertThat(signedIn).contains("<a href=\"/cables\" id=\"error-home\">");
    }

    @Test
    void aFormValueThePageCannotReadIsRefusedInPlainWords() {
        long id = confidential();
        String page = given().auth().preemptive().basic("reviewer", "demo").accept("text/html")
                .contentType("application/x-www-form-urlencoded").formParam("version", "not-a-number")
                .post("/review/" + id + "/claim").then().statusCode(400).extract().asString();
        assertThat(page).contains("Please check what you sent").doesNotContain("RESTEASY")
                .doesNotContain("HTTP 400");
    }

    @Test
    void aWrongMethodIsExplainedInPlainWords() {
        String page = given().accept("text/html").delete("/reading-room").then().statusCode(405).extract()
                .asString();
        assertThat(page).contains("This page cannot be used that way (DELETE)").doesNotContain("RESTEASY")
                .doesNotContain("Method Not Allowed");
    }
}
