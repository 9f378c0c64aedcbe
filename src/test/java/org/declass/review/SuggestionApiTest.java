package org.declass.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.as;
import static org.declass.review.ReviewApi.audit;
import static org.declass.review.ReviewApi.body;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.version;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Suggested redactions over the API and the review screen (issue 18, part 3): listed through the one disclosure
 * decision, accepted and rejected through the review aggregate, audited in the same transaction.
 */
@QuarkusTest
class SuggestionApiTest {

    /** Unique serials across test profiles (see ReviewApiTest.serial). */
    static String serial() {
        synchronized (System.class) {
            int next = Integer.getInteger("declass.test.suggest-serial", 7300) + 1;
            System.setProperty("declass.test.suggest-serial", String.valueOf(next));
            return String.valueOf(next);
        }
    }

    /**
     * A SECRET cable with portions (U), (C), (S//NF) and (S); each names a person only it names: the (S//NF) and (S)
     * names ({@code ZORVATHIAN}, {@code BRENNVOSS}) are the markers that reviewer2 must never receive.
     */
    static String mixedCable(String serial) {
        return """
                VZCZCXRO5521
                PP RUEHWEB
                DE RUEHVL #%1$s/01 1421530
                ZNY SSSSS ZZH
                P 221530Z MAY 09
                FM AMEMBASSY VALLETTA
                TO RUEHC/SECSTATE WASHDC PRIORITY 4410

                S E C R E T VALLETTA 00%1$s

                SIPDIS

                E.O. 12958: DECL: 05/22/2019
                TAGS: PREL SMIG MT
                SUBJECT: MALTA: INVENTED MIGRATION TALKS

                Classified By: Ambassador Ann B. Smith, reasons 1.4 (b) and (d)

                1. (U) The press office answers at press.office@harbor-invented.mt
                and on +356 2295 7000.

                2. (C) Deputy Director Joseph Camilleri-Vella told poloff on May 20 that
                the forces rescued 1,214 migrants since January.

                3. (S//NF) A liaison officer, Lieutenant Colonel Quentin Zorvathian,
                said the navy will stop two patrols in June.

                4. (S) Major General Ulrich Brennvoss asked that the Embassy keep the
                plan quiet until the elections.

                SMITH
                """.formatted(serial);
    }

    static JsonPath suggestions(String user, long id) {
        return as(user).get("/api/cables/" + id + "/suggestions").then().statusCode(200).extract().jsonPath();
    }

    /** The id of the suggestion whose text is {@code text}. */
    static String sid(String user, long id, String text) {
        String sid = suggestions(user, id).getString("items.find { it.text == '" + text + "' }.id");
        assertThat(sid).as("a suggestion for " + text).isNotNull();
        return sid;
    }

    static Response accept(String user, long id, String sid, Map<String, Object> body) {
        return as(user).body(body).post("/api/cables/" + id + "/suggestions/" + sid + "/accept");
    }

    static Response reject(String user, long id, String sid, Map<String, Object> body) {
        return as(user).body(body).post("/api/cables/" + id + "/suggestions/" + sid + "/reject");
    }

    static long claimedMixedCable() {
        long id = ingest(mixedCable(serial()));
        act("reviewer", id, "claim").then().statusCode(200);
        return id;
    }

    @Test
    void reviewersGetTheSuggestionsOfACableWithKindCodeConfidenceAndPlace() {
        long id = ingest(mixedCable(serial()));
        JsonPath s = suggestions("reviewer", id);
        List<Map<String, Object>> items = s.getList("items");
        assertThat(s.getInt("total")).isEqualTo(items.size());
        Map<String, Object> name = items.stream()
                .filter(i -> "Deputy Director Joseph Camilleri-Vella".equals(i.get("text"))).findFirst().orElseThrow();
        assertThat(name).containsEntry("kind", "NAME").containsEntry("code", "(b)(6)").containsEntry("paragraph", "2");
        assertThat(((Number) name.get("confidence")).doubleValue()).isBetween(0.5, 1.0);
        String text = ReviewApi.text(id, 2);
        assertThat(text.substring((Integer) name.get("start"), (Integer) name.get("end")))
                .isEqualTo("Deputy Director Joseph Camilleri-Vella");
        assertThat(items).extracting(i -> i.get("kind") + ":" + i.get("text")).contains(
                "EMAIL:press.office@harbor-invented.mt", "PHONE:+356 2295 7000",
                "NAME:Lieutenant Colonel Quentin Zorvathian", "NAME:Major General Ulrich Brennvoss");
    }

    @Test
    void acceptingASuggestionRedactsItsSpanThroughTheReviewAndAuditsItWithoutTheText() {
        long id = claimedMixedCable();
        String sid = sid("reviewer", id, "Deputy Director Joseph Camilleri-Vella");
        long v = version(id);
        long rid = accept("reviewer", id, sid, body(v)).then().statusCode(201)
                .body("version", equalTo((int) v + 1)).extract().jsonPath().getLong("redactionId");
        JsonPath c = cable("reviewer", id);
        Map<String, Object> r = c.getMap("redactions.find { it.id == " + rid + " }");
        String text = ReviewApi.text(id, 2);
        assertThat(text.substring((Integer) r.get("start"), (Integer) r.get("end")))
                .isEqualTo("Deputy Director Joseph Camilleri-Vella");
        assertThat(r.get("codes")).isEqualTo(List.of("(b)(6)"));
        Map<String, Object> entry = audit(id).stream().filter(e -> "REDACTION_ADDED".equals(e.get("action")))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(entry).containsEntry("actor", "reviewer").containsEntry("spanStart", r.get("start"));
        assertThat((String) entry.get("note")).contains("suggestion " + sid).contains("NAME")
                .doesNotContain("Camilleri");
        assertThat(suggestions("reviewer", id).getList("items.id")).doesNotContain(sid);
        // the later mention rule does not bring the accepted name back: it is redacted now
        assertThat(suggestions("reviewer", id).getList("items.text")).doesNotContain(
                "Deputy Director Joseph Camilleri-Vella");
    }

    @Test
    void aRejectedSuggestionIsAuditedWithItsReasonAndNotProposedAgain() {
        long id = claimedMixedCable();
        String sid = sid("reviewer", id, "+356 2295 7000");
        int seq = suggestions("reviewer", id).getInt("items.find { it.id == '" + sid + "' }.seq");
        long v = version(id);
        reject("reviewer", id, sid, body(v, "reason", "the press office's public number")).then().statusCode(200)
                .body("version", equalTo((int) v + 1));
        Map<String, Object> entry = audit(id).stream().filter(e -> "SUGGESTION_REJECTED".equals(e.get("action")))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(entry).containsEntry("actor", "reviewer").containsEntry("paragraph", seq);
        assertThat((String) entry.get("note")).contains("the press office's public number").contains(sid)
                .doesNotContain("2295");
        JsonPath again = suggestions("reviewer", id);
        assertThat(again.getList("items.id")).doesNotContain(sid);
        assertThat(again.getList("items.text")).doesNotContain("+356 2295 7000");
        assertThat(cable("reviewer", id).getList("redactions")).isEmpty();
        // rejected once is gone: a second rejection finds nothing to reject
        reject("reviewer", id, sid, body(version(id), "reason", "again")).then().statusCode(404)
                .body("message", containsString("no suggestion " + sid));
    }

    @Test
    void suggestionsAreDecidedOnlyByTheClaimantInReviewWithTheVersionTheyRead() {
        long id = ingest(mixedCable(serial()));
        String sid = sid("reviewer", id, "Deputy Director Joseph Camilleri-Vella");
        accept("reviewer", id, sid, body(version(id))).then().statusCode(409)
                .body("message", containsString("NEW"));
        reject("reviewer", id, sid, body(version(id), "reason", "x")).then().statusCode(409);
        act("reviewer", id, "claim").then().statusCode(200);
        accept("admin", id, sid, body(version(id))).then().statusCode(403)
                .body("message", containsString("claimed by reviewer"));
        long v = version(id);
        accept("reviewer", id, sid, body(v - 1)).then().statusCode(409)
                .body("message", containsString("stale version " + (v - 1)));
        reject("reviewer", id, sid, body(v - 1, "reason", "x")).then().statusCode(409);
        assertThat(cable("reviewer", id).getList("redactions")).isEmpty();
        assertThat(version(id)).isEqualTo(v);
        assertThat(audit(id)).noneMatch(e -> "SUGGESTION_REJECTED".equals(e.get("action"))
                || "REDACTION_ADDED".equals(e.get("action")));
    }

    @Test
    void badInputIsA400NamingTheProblemAndAnUnknownSuggestionA404() {
        long id = claimedMixedCable();
        String sid = sid("reviewer", id, "Deputy Director Joseph Camilleri-Vella");
        accept("reviewer", id, "not-an-id", body(version(id))).then().statusCode(400)
                .body("message", containsString("12 hexadecimal digits"));
        accept("reviewer", id, sid, Map.of()).then().statusCode(400)
                .body("message", containsString("version is required"));
        reject("reviewer", id, sid, body(version(id))).then().statusCode(400)
                .body("message", containsString("a reason for rejecting the suggestion is required"));
        accept("reviewer", id, sid, body(version(id), "codes", List.of("NO-SUCH-CODE"))).then().statusCode(400)
                .body("message", containsString("unknown exemption code NO-SUCH-CODE"));
        accept("reviewer", id, "0123456789ab", body(version(id))).then().statusCode(404)
                .body("message", containsString("no suggestion 0123456789ab"));
        as("reviewer").get("/api/cables/999999999/suggestions").then().statusCode(404);
        assertThat(cable("reviewer", id).getList("redactions")).isEmpty();
    }

    @Test
    void reviewer2NeverReceivesASuggestionFromASecretOrNofornPortion() {
        long id = ingest(mixedCable(serial()));
        Response r = as("reviewer2").get("/api/cables/" + id + "/suggestions");
        r.then().statusCode(200);
        String json = r.asString();
        assertThat(json).contains("Camilleri-Vella").doesNotContain("Zorvathian").doesNotContain("Brennvoss")
                .doesNotContain("ZORVATHIAN").doesNotContain("BRENNVOSS");
        JsonPath s = r.jsonPath();
        assertThat(s.getList("items.paragraph", String.class)).allMatch(p -> p.equals("1") || p.equals("2"));
        int readable = suggestions("reviewer", id).getList("items", Map.class).stream()
                .filter(i -> "1".equals(i.get("paragraph")) || "2".equals(i.get("paragraph"))).toList().size();
        assertThat(s.getInt("total")).isEqualTo(readable).isEqualTo(s.getList("items").size());
        // and no page of the review leaks them either: reviewer2 may not open the screen of this cable
        given().auth().preemptive().basic("reviewer2", "demo").get("/review/" + id).then().statusCode(403)
                .body(org.hamcrest.Matchers.not(containsString("Zorvathian")));
    }

    @Test
    void onlyStaffWhoMayReviewGetSuggestions() {
        long id = ingest(mixedCable(serial()));
        as("auditor").get("/api/cables/" + id + "/suggestions").then().statusCode(403)
                .body("message", containsString("REVIEWER or APPROVER"));
        suggestions("approver", id);
    }

    @Test
    void theReviewScreenHighlightsSuggestionsWithAcceptAndRejectForms() {
        long id = claimedMixedCable();
        String sid = sid("reviewer", id, "Deputy Director Joseph Camilleri-Vella");
        String page = given().auth().preemptive().basic("reviewer", "demo").get("/review/" + id).then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("data-suggestion=\"" + sid + "\"")
                .contains("action=\"/review/" + id + "/suggestions/" + sid + "/accept\"")
                .contains("action=\"/review/" + id + "/suggestions/" + sid + "/reject\"")
                .contains("for=\"reject-reason-" + sid + "\"");
        given().auth().preemptive().basic("reviewer", "demo").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("version", version(id))
                .formParam("paragraph", "2").post("/review/" + id + "/suggestions/" + sid + "/accept")
                .then().statusCode(303);
        assertThat(cable("reviewer", id).getList("redactions")).hasSize(1);
    }
}
