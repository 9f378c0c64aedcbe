package org.declass.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.action;
import static org.declass.review.ReviewApi.as;
import static org.declass.review.ReviewApi.audit;
import static org.declass.review.ReviewApi.body;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.dispose;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.mark;
import static org.declass.review.ReviewApi.redact;
import static org.declass.review.ReviewApi.text;
import static org.declass.review.ReviewApi.version;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewApiTest {

    /**
     * The next cable number of these fixtures, counted in a system property: Quarkus loads test classes again for
     * each test profile, so a static counter would start over and hand out numbers already ingested.
     */
    static String serial() {
        synchronized (System.class) {
            int next = Integer.getInteger("declass.test.review-serial", 5100) + 1;
            System.setProperty("declass.test.review-serial", String.valueOf(next));
            return String.valueOf(next);
        }
    }

    static long secretCable(String secret) {
        return ingest(CableFixtures.secretCableForReview(serial(), "PLAIN-" + secret, secret));
    }

    static long claimed(String reviewer, String secret) {
        long id = secretCable(secret);
        act(reviewer, id, "claim").then().statusCode(200);
        return id;
    }

    @Test
    void aReviewerClaimsANewCableAndBecomesItsOnlyClaimant() {
        long id = secretCable("MK-CLAIM-1");
        long v = version(id);
        act("reviewer", id, "claim").then().statusCode(200)
                .body("state", equalTo("IN_REVIEW")).body("assignee", equalTo("reviewer"))
                .body("version", equalTo((int) v + 1));
        JsonPath c = cable("reviewer", id);
        assertThat(c.getString("state")).isEqualTo("IN_REVIEW");
        assertThat(c.getString("assignee")).isEqualTo("reviewer");
        assertThat(c.getList("workflow.allowedActions", String.class)).contains("redact", "submit");

        act("admin", id, "claim").then().statusCode(409)
                .body("message", containsString("IN_REVIEW"))
                .body("message", containsString("allowed actions: mark, disposition, redact, unredact, submit, hold"));
    }

    @Test
    void aConfidentialReviewerCannotClaimASecretOrNofornCable() {
        long secret = secretCable("MK-CLEAR-1");
        act("reviewer2", secret, "claim").then().statusCode(403)
                .body("message", containsString("clearance"))
                .body("message", containsString("CONFIDENTIAL"))
                .body("message", org.hamcrest.Matchers.not(containsString("MK-CLEAR-1")));
        long noforn = ingest(CableFixtures.confidentialNofornCable(serial(), "MK-CLEAR-NF"));
        act("reviewer2", noforn, "claim").then().statusCode(403)
                .body("message", containsString("not NOFORN-eligible"));
        long confidential = ingest(CableFixtures.confidentialCable(serial(), "MK-CLEAR-C"));
        act("reviewer2", confidential, "claim").then().statusCode(200);
        assertThat(cable("admin", secret).getString("state")).isEqualTo("NEW");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        long id = claimed("reviewer", "MK-STALE-1");
        long v = version(id);
        as("reviewer").body(body(v - 1, "paragraph", "2", "start", 0, "end", 3, "codes", List.of("25X1")))
                .post("/api/cables/" + id + "/redactions")
                .then().statusCode(409).body("message", equalTo("stale version " + (v - 1)
                        + ", the cable is at version " + v + "; reload and try again"));
        JsonPath c = cable("reviewer", id);
        assertThat(c.getList("redactions")).isEmpty();
        assertThat(c.getLong("version")).isEqualTo(v);
        as("reviewer").body(Map.of("paragraph", "2", "start", 0, "end", 3, "codes", List.of("25X1")))
                .post("/api/cables/" + id + "/redactions").then().statusCode(400)
                .body("message", containsString("version is required"));
    }

    @Test
    void aMarkingChangeRecomputesTheBannerAndIsAudited() {
        long id = claimed("reviewer", "MK-MARK-1");
        assertThat(cable("reviewer", id).getString("banner")).isEqualTo("SECRET");
        // the subject carries no mark, so it counts as SECRET: the banner cannot drop below it
        mark("reviewer", id, "2", "C", List.of(), "source protected elsewhere").then().statusCode(200)
                .body("banner", equalTo("SECRET"));
        mark("reviewer", id, "1", "SECRET", List.of("NF"), "names a liaison service").then().statusCode(200)
                .body("banner", equalTo("SECRET//NOFORN"));
        JsonPath c = cable("reviewer", id);
        assertThat(c.getString("paragraphs.find { it.number == 1 }.marking.portionMark")).isEqualTo("(S//NF)");
        assertThat(c.getString("classification.level")).isEqualTo("SECRET");

        Map<String, Object> entry = audit(id).stream().filter(e -> "MARKING_CHANGED".equals(e.get("action")))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(entry).containsEntry("actor", "reviewer").containsEntry("before", "(U)")
                .containsEntry("after", "(S//NF)");
        assertThat((String) entry.get("note")).contains("names a liaison service")
                .contains("banner SECRET -> SECRET//NOFORN");

        mark("reviewer", id, "1", "SECRET", List.of("SHINY"), "x").then().statusCode(400)
                .body("message", containsString("unknown control SHINY"));
        mark("reviewer", id, "1", "SECRET", List.of(), " ").then().statusCode(400)
                .body("message", containsString("reason"));
        mark("reviewer", id, "9", "SECRET", List.of(), "x").then().statusCode(404)
                .body("message", containsString("no paragraph 9"));
    }

    @Test
    void aRedactionIsStoredByCharacterRangeAuditedWithoutItsTextAndRemovable() {
        String secret = "MK-REDACT-7781";
        long id = claimed("reviewer", secret);
        String text = text(id, 2);
        int start = text.indexOf(secret);
        int end = start + secret.length();
        long rid = redact("reviewer", id, "2", start, end, List.of("50X1-HUM", "(b)(1)"), "names the source")
                .then().statusCode(201).body("redactionId", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath().getLong("redactionId");

        JsonPath c = cable("reviewer", id);
        assertThat(c.getLong("redactions[0].id")).isEqualTo(rid);
        assertThat(c.getInt("redactions[0].start")).isEqualTo(start);
        assertThat(c.getInt("redactions[0].end")).isEqualTo(end);
        assertThat(c.getString("redactions[0].address")).isEqualTo("2");
        assertThat(c.getList("redactions[0].codes", String.class)).containsExactly("50X1-HUM", "(b)(1)");
        assertThat(text.substring(start, end)).isEqualTo(secret);

        as("reviewer").delete("/api/cables/" + id + "/redactions/" + rid + "?version=" + version(id))
                .then().statusCode(200);
        assertThat(cable("reviewer", id).getList("redactions")).isEmpty();

        List<Map<String, Object>> trail = audit(id);
        Map<String, Object> added = trail.stream().filter(e -> "REDACTION_ADDED".equals(e.get("action")))
                .findFirst().orElseThrow();
        assertThat(added).containsEntry("paragraph", 2).containsEntry("spanStart", start)
                .containsEntry("spanEnd", end).containsEntry("note", "names the source");
        assertThat(trail).anyMatch(e -> "REDACTION_REMOVED".equals(e.get("action")));
        assertThat(trail.toString()).doesNotContain(secret);
    }

    @Test
    void aRedactionOutsideTheParagraphOrWithAnUnknownCodeIsRefused() {
        long id = claimed("reviewer", "MK-RANGE-1");
        int length = text(id, 2).length();
        redact("reviewer", id, "2", 5, length + 1, List.of("25X1"), null).then().statusCode(400)
                .body("message", containsString("not inside paragraph 2"));
        redact("reviewer", id, "2", 5, 5, List.of("25X1"), null).then().statusCode(400);
        redact("reviewer", id, "2", 0, 4, List.of("99X9"), null).then().statusCode(400)
                .body("message", containsString("unknown exemption code 99X9"));
        redact("reviewer", id, "2", 0, 4, List.of(), null).then().statusCode(400)
                .body("message", containsString("at least one exemption code"));
        redact("reviewer", id, "s2", 0, 4, List.of("25x1"), null).then().statusCode(201);
    }

    @Test
    void onlyTheClaimantMayMarkOrRedact() {
        long id = claimed("reviewer", "MK-CLAIMANT-1");
        redact("admin", id, "2", 0, 4, List.of("25X1"), null).then().statusCode(403)
                .body("message", containsString("claimed by reviewer"));
        act("auditor", id, "submit").then().statusCode(403).body("message", containsString("REVIEWER role"));
    }

    @Test
    void aParagraphIsReleasedOrWithheldInFullWithCodes() {
        long id = claimed("reviewer", "MK-DISP-1");
        dispose("reviewer", id, "2", "WITHHOLD", List.of()).then().statusCode(400);
        dispose("reviewer", id, "2", "WITHHOLD", List.of("25X1", "(b)(1)")).then().statusCode(200);
        dispose("reviewer", id, "1", "RELEASE", List.of()).then().statusCode(200);
        dispose("reviewer", id, "1", "PUBLISH", List.of()).then().statusCode(400);
        JsonPath c = cable("reviewer", id);
        assertThat(c.getString("dispositions.find { it.address == '2' }.disposition")).isEqualTo("WITHHOLD");
        assertThat(c.getList("dispositions.find { it.address == '2' }.codes", String.class))
                .containsExactly("25X1", "(b)(1)");
        assertThat(audit(id)).anyMatch(e -> "DISPOSITION_CHANGED".equals(e.get("action"))
                && Integer.valueOf(2).equals(e.get("paragraph")));
    }

    @Test
    void theTwoPersonRuleStopsWhoeverRedactedFromApproving() {
        long id = claimed("admin", "MK-TWO-1");
        redact("admin", id, "2", 0, 4, List.of("25X1"), null).then().statusCode(201);
        act("admin", id, "submit").then().statusCode(200).body("state", equalTo("SUBMITTED"));
        act("admin", id, "approve").then().statusCode(403)
                .body("message", containsString("two-person rule"));
        assertThat(cable("admin", id).getString("state")).isEqualTo("SUBMITTED");

        act("reviewer", id, "approve").then().statusCode(403).body("message", containsString("APPROVER role"));
        act("approver", id, "approve").then().statusCode(200).body("state", equalTo("APPROVED"));
        JsonPath c = cable("approver", id);
        assertThat(c.getString("workflow.approvedBy")).isEqualTo("approver");
        assertThat(c.getString("workflow.approvedAt")).isNotNull();
        assertThat(audit(id)).anyMatch(e -> "CABLE_APPROVED".equals(e.get("action"))
                && "approver".equals(e.get("actor")));
    }

    @Test
    void anApprovedCableIsFrozenUntilReturned() {
        long id = claimed("reviewer", "MK-FROZEN-1");
        act("reviewer", id, "submit").then().statusCode(200);
        redact("reviewer", id, "2", 0, 4, List.of("25X1"), null).then().statusCode(409)
                .body("message", containsString("it is SUBMITTED; allowed actions: approve, return, hold"));
        act("approver", id, "approve").then().statusCode(200);
        redact("reviewer", id, "2", 0, 4, List.of("25X1"), null).then().statusCode(409)
                .body("message", containsString("it is APPROVED"));
        mark("reviewer", id, "2", "C", List.of(), "x").then().statusCode(409);
        act("approver", id, "return", "reason", "too late").then().statusCode(409);
    }

    @Test
    void aReturnNeedsAReasonAndOnlyItsReviewerResumesIt() {
        long id = claimed("reviewer", "MK-RETURN-1");
        act("reviewer", id, "submit").then().statusCode(200);
        act("approver", id, "return").then().statusCode(400).body("message", containsString("reason"));
        act("approver", id, "return", "reason", "paragraph 3 needs a code").then().statusCode(200)
                .body("state", equalTo("RETURNED"));
        assertThat(cable("reviewer", id).getString("workflow.returnedReason")).isEqualTo("paragraph 3 needs a code");
        act("admin", id, "claim").then().statusCode(409).body("message", containsString("returned to reviewer"));
        act("reviewer", id, "claim").then().statusCode(200).body("state", equalTo("IN_REVIEW"));
    }

    @Test
    void aHoldNeedsACodeAReasonAndADateAndIsLiftedBackToWhereItWas() {
        long id = claimed("reviewer", "MK-HOLD-1");
        String until = LocalDate.now().plusMonths(6).toString();
        act("reviewer", id, "hold", "reason", "waiting for the post").then().statusCode(400);
        act("reviewer", id, "hold", "code", "25X6", "until", until).then().statusCode(400);
        act("reviewer", id, "hold", "code", "25X6", "reason", "waiting").then().statusCode(400)
                .body("message", containsString("review-by date"));
        act("reviewer", id, "hold", "code", "25X6", "reason", "waiting for the post", "until", until)
                .then().statusCode(200).body("state", equalTo("ON_HOLD"));
        JsonPath c = cable("reviewer", id);
        assertThat(c.getString("workflow.holdCode")).isEqualTo("25X6");
        assertThat(c.getString("workflow.holdUntil")).isEqualTo(until);
        assertThat(c.getString("workflow.heldFrom")).isEqualTo("IN_REVIEW");

        redact("reviewer", id, "2", 0, 4, List.of("25X1"), null).then().statusCode(409)
                .body("message", containsString("it is ON_HOLD; allowed actions: unhold"));
        act("reviewer", id, "unhold").then().statusCode(403);
        act("approver", id, "unhold").then().statusCode(200).body("state", equalTo("IN_REVIEW"));
        assertThat(cable("reviewer", id).getString("workflow.holdCode")).isNull();

        long fresh = secretCable("MK-HOLD-2");
        act("reviewer", fresh, "hold", "code", "25X6", "reason", "r", "until", until).then().statusCode(403);
        act("approver", fresh, "hold", "code", "25X6", "reason", "r", "until", until).then().statusCode(200);
        act("admin", fresh, "unhold").then().statusCode(200).body("state", equalTo("NEW"));
    }

    @Test
    void theExemptionCodeListHasTheThreeSchemesAndOnlyAnAdminEditsIt() {
        as("reviewer").get("/api/exemption-codes").then().statusCode(200)
                .body("code", hasItems("25X1", "25X9", "50X1-HUM", "50X2-WMD", "75X", "X1", "X8", "(b)(1)", "(b)(9)"))
                .body("find { it.code == '(b)(6)' }.scheme", equalTo("FOIA"))
                .body("find { it.code == '(b)(6)' }.classifiedOnly", equalTo(false))
                .body("find { it.code == '25X1' }.classifiedOnly", equalTo(true))
                .body("find { it.code == 'X5' }.classifiedOnly", equalTo(true))
                .body("find { it.code == '(b)(1)' }.classifiedOnly", equalTo(true));
        as("reviewer").body(Map.of("description", "x")).put("/api/exemption-codes/25X1").then().statusCode(403);
        as("admin").body(Map.of("scheme", "local", "description", "Local test code", "sortOrder", 999))
                .put("/api/exemption-codes/LOCAL-1").then().statusCode(200).body("code", equalTo("LOCAL-1"));
        as("reviewer").get("/api/exemption-codes").then().body("code", hasItems("LOCAL-1"));
    }

    @Test
    void aReaderWhoMayNotReadAParagraphGetsNoneOfItsRedactionOffsets() {
        long id = claimed("reviewer", "MK-OFFSETS-1");
        redact("reviewer", id, "2", 3, 9, List.of("25X1"), null).then().statusCode(201);
        redact("reviewer", id, "1", 0, 3, List.of("(b)(6)"), null).then().statusCode(201);
        JsonPath c = cable("reviewer2", id);
        assertThat(c.getList("redactions.paragraph", Integer.class)).containsExactly(1);
        assertThat(action("reviewer2", id, "claim", body(version(id))).statusCode()).isEqualTo(403);
    }
}
