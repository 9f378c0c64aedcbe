package org.declass.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * Find all and redact over the API (issue 18, part 2): preview, apply across cables with a per-cable outcome, undo,
 * the disclosure decision on every occurrence, and bad input answered 400.
 */
@QuarkusTest
class BulkRedactionApiTest {

    static final String NAME = "Mykola Hrytsak";

    /**
     * A SECRET cable naming a source twice: in paragraph 2 (S) in capitals, in paragraph 3 (C) across a line break.
     * {@code subjectWord} makes the cable findable by the list's search.
     */
    static String cableNamingASource(String serial, String subjectWord) {
        return """
                VZCZCXRO7701
                PP RUEHWEB
                DE RUEHKV #%1$s 1201044
                ZNY SSSSS ZZH
                P 291044Z APR 09
                FM AMEMBASSY KYIV
                TO RUEHC/SECSTATE WASHDC PRIORITY 7702

                S E C R E T KYIV 00%1$s

                SIPDIS

                E.O. 12958: DECL: 04/29/2019
                TAGS: PGOV PREL UP
                SUBJECT: UKRAINE: INVENTED GRAIN TERMINAL %2$s

                Classified By: Ambassador Ann B. Smith, reasons 1.4 (b) and (d)

                1. (U) The invented grain terminal at Pivdennyi-Nord
                reopened on Monday after a two-week closure.

                2. (S) A source, MYKOLA HRYTSAK, told poloff that the
                closure was ordered to settle a private debt.

                3. (C) Embassy will follow up with Mykola
                Hrytsak at the invented port authority.

                SMITH
                """.formatted(serial, subjectWord);
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static long ingest(String text) {
        return given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/cables")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath cable(String user, long id) {
        return as(user).get("/api/cables/" + id).then().statusCode(200).extract().jsonPath();
    }

    static long version(long id) {
        return cable("admin", id).getLong("version");
    }

    static void act(String user, long id, String action) {
        as(user).body(Map.of("version", version(id))).post("/api/cables/" + id + "/" + action)
                .then().statusCode(200);
    }

    static Response bulk(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/redactions/bulk");
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    /** The cable's audit entries as the auditor sees them (reads are audited too: PORTIONS_READ, AUDIT_QUERIED). */
    static List<Map<String, Object>> audit(long id) {
        return given().auth().preemptive().basic("auditor", "demo").get("/api/audit?cable=" + id + "&size=200")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static Map<String, Object> outcomeOf(JsonPath result, long cable) {
        return result.getMap("cables.find { it.cable == " + cable + " }");
    }

    @Test
    void bulkRedactionAcrossThreeCablesOneClaimedBySomeoneElseGivesEachCableItsOutcomeAndUndoRestoresTheOthers() {
        long a = ingest(cableNamingASource("5611", "BULKA5611"));
        long b = ingest(cableNamingASource("5612", "BULKB5612"));
        long c = ingest(cableNamingASource("5613", "BULKC5613"));
        act("reviewer", a, "claim");
        act("reviewer", b, "claim");
        act("admin", c, "claim");
        // in a, the capitalised name in paragraph 2 is already redacted by hand
        String textA2 = cable("reviewer", a).getString("paragraphs.find { it.number == 2 }.text");
        int at = textA2.indexOf("MYKOLA HRYTSAK");
        as("reviewer").body(body("version", version(a), "paragraph", "2", "start", at, "end", at + 14,
                "codes", List.of("50X1-HUM"), "note", "by hand")).post("/api/cables/" + a + "/redactions")
                .then().statusCode(201);
        long versionC = version(c);

        JsonPath result = bulk("reviewer", body("phrase", "mykola  hrytsak", "cables", List.of(a, b, c),
                "codes", List.of("(b)(6)"), "note", "names a source", "preview", false))
                .then().statusCode(200).extract().jsonPath();
        String op = result.getString("operation");

        assertThat(op).matches("[0-9a-f-]{36}");
        assertThat(outcomeOf(result, a)).containsEntry("outcome", "partly");
        assertThat(result.getList("cables.find { it.cable == " + a + " }.done.paragraph")).containsExactly("3");
        assertThat(result.getList("cables.find { it.cable == " + a + " }.skipped.reason"))
                .containsExactly("already-redacted");
        assertThat(outcomeOf(result, b)).containsEntry("outcome", "done");
        assertThat(result.getList("cables.find { it.cable == " + b + " }.done.paragraph"))
                .containsExactly("2", "3");
        assertThat(outcomeOf(result, c)).containsEntry("outcome", "skipped")
                .containsEntry("reason", "claimed-by-someone-else");
        assertThat((String) outcomeOf(result, c).get("message")).contains("claimed by admin");
        assertThat(result.getInt("done")).isEqualTo(3);

        // the redactions are there, spanning the name across the line break, noted with the operation's id
        JsonPath cableB = cable("reviewer", b);
        String textB3 = cableB.getString("paragraphs.find { it.number == 3 }.text");
        Map<String, Object> r3 = cableB.getMap("redactions.find { it.address == '3' }");
        assertThat(textB3.substring((Integer) r3.get("start"), (Integer) r3.get("end")))
                .matches("Mykola\\s+Hrytsak");
        assertThat((String) r3.get("note")).isEqualTo("bulk " + op + ": names a source");
        assertThat(cableB.getList("redactions")).hasSize(2);
        assertThat(cable("reviewer", a).getList("redactions")).hasSize(2);
        // c did not change at all
        assertThat(version(c)).isEqualTo(versionC);
        assertThat(cable("admin", c).getList("redactions")).isEmpty();
        assertThat(audit(c)).noneMatch(e -> String.valueOf(e.get("action")).startsWith("REDACTION"));
        // each span is audited with the operation's id
        assertThat(audit(b)).filteredOn(e -> "REDACTION_ADDED".equals(e.get("action")))
                .hasSize(2).allSatisfy(e -> assertThat((String) e.get("note")).contains("bulk " + op));

        JsonPath undo = as("reviewer").post("/api/redactions/bulk/" + op + "/undo").then().statusCode(200)
                .extract().jsonPath();

        assertThat(undo.getBoolean("undo")).isTrue();
        assertThat(undo.getInt("done")).isEqualTo(3);
        assertThat(outcomeOf(undo, a)).containsEntry("outcome", "done");
        assertThat(outcomeOf(undo, b)).containsEntry("outcome", "done");
        assertThat(undo.getList("cables.cable", Long.class)).containsExactlyInAnyOrder(a, b);
        assertThat(cable("reviewer", b).getList("redactions")).isEmpty();
        assertThat(cable("reviewer", a).getList("redactions.note")).containsExactly("by hand");
        assertThat(audit(b)).filteredOn(e -> "REDACTION_REMOVED".equals(e.get("action")))
                .hasSize(2).allSatisfy(e -> assertThat((String) e.get("note")).contains("undo of bulk " + op));
    }

    @Test
    void undoIsForTheReviewerWhoRanItAndSkipsACableSubmittedSinceAndSaysWhy() {
        long a = ingest(cableNamingASource("5631", "BULKUA5631"));
        long b = ingest(cableNamingASource("5632", "BULKUB5632"));
        act("reviewer", a, "claim");
        act("reviewer", b, "claim");
        String op = bulk("reviewer", body("phrase", NAME, "cables", List.of(a, b), "codes", List.of("(b)(6)"),
                "preview", false)).then().statusCode(200).extract().jsonPath().getString("operation");
        act("reviewer", b, "submit");

        as("reviewer2").post("/api/redactions/bulk/" + op + "/undo").then().statusCode(403)
                .body("message", org.hamcrest.Matchers.containsString("only reviewer, who ran bulk operation"));
        assertThat(cable("reviewer", a).getList("redactions")).hasSize(2);

        JsonPath undo = as("reviewer").post("/api/redactions/bulk/" + op + "/undo").then().statusCode(200)
                .extract().jsonPath();

        assertThat(outcomeOf(undo, a)).containsEntry("outcome", "done");
        assertThat(outcomeOf(undo, b)).containsEntry("outcome", "skipped").containsEntry("reason", "state");
        assertThat(cable("reviewer", a).getList("redactions")).isEmpty();
        assertThat(cable("reviewer", b).getList("redactions")).hasSize(2);
        as("reviewer").post("/api/redactions/bulk/00000000-0000-0000-0000-000000000000/undo").then()
                .statusCode(404);
    }

    @Test
    void aPreviewListsEveryOccurrenceWithItsContextAndChangesNothing() {
        long a = ingest(cableNamingASource("5641", "BULKPA5641"));
        long b = ingest(cableNamingASource("5642", "BULKPB5642"));
        act("reviewer", a, "claim");
        long va = version(a);
        long vb = version(b);

        JsonPath preview = bulk("reviewer", body("phrase", NAME, "cables", List.of(a, b), "preview", true))
                .then().statusCode(200).extract().jsonPath();

        assertThat(preview.getLong("occurrences")).isEqualTo(4);
        assertThat(preview.getList("items")).hasSize(4);
        assertThat(preview.getList("items.paragraph")).containsExactly("2", "3", "2", "3");
        assertThat(preview.getList("items.match", String.class)).allSatisfy(m ->
                assertThat(m.replaceAll("\\s+", " ").toLowerCase()).isEqualTo("mykola hrytsak"));
        assertThat(preview.getString("items[0].before")).endsWith("A source, ");
        assertThat(preview.getString("items[0].after")).startsWith(", told poloff");
        assertThat(preview.getLong("items[0].version")).isEqualTo(va);
        assertThat(preview.getMap("cables.find { it.cable == " + b + " }")).containsEntry("state", "NEW");
        // nothing changed: versions, redactions, audit
        assertThat(version(a)).isEqualTo(va);
        assertThat(version(b)).isEqualTo(vb);
        assertThat(cable("reviewer", a).getList("redactions")).isEmpty();
        assertThat(audit(a)).noneMatch(e -> String.valueOf(e.get("action")).startsWith("REDACTION"));

        // the same across the cables a search selects (today the list's search: here a subject word)
        JsonPath bySearch = bulk("reviewer", body("phrase", NAME, "q", "BULKPA5641", "preview", true))
                .then().statusCode(200).extract().jsonPath();
        assertThat(bySearch.getInt("searched")).isEqualTo(1);
        assertThat(bySearch.getList("items.cable", Long.class)).containsOnly(a).hasSize(2);
    }

    @Test
    void aSearchSelectsTheCablesByTheirBodyTextThroughTheFullTextIndex() {
        long c = ingest(cableNamingASource("5643", "BULKQS5643"));
        // the name stands only in the body (paragraphs 2 and 3); the subject word only in the subject
        JsonPath bySearch = bulk("reviewer", body("phrase", NAME, "q", "\"mykola hrytsak\" BULKQS5643",
                "preview", true)).then().statusCode(200).extract().jsonPath();
        assertThat(bySearch.getInt("searched")).isEqualTo(1);
        assertThat(bySearch.getList("items.cable", Long.class)).containsOnly(c).hasSize(2);
    }

    @Test
    void onlyTheChosenOccurrencesAreRedactedAndAStaleVersionIsSkipped() {
        long a = ingest(cableNamingASource("5651", "BULKSA5651"));
        long b = ingest(cableNamingASource("5652", "BULKSB5652"));
        act("reviewer", a, "claim");
        act("reviewer", b, "claim");
        JsonPath preview = bulk("reviewer", body("phrase", NAME, "cables", List.of(a, b), "preview", true))
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> accept = new ArrayList<>();
        for (Map<String, Object> o : preview.<Map<String, Object>>getList("items")) {
            if ("3".equals(o.get("paragraph"))) {
                accept.add(Map.of("cable", o.get("cable"), "paragraph", o.get("paragraph"), "start", o.get("start"),
                        "end", o.get("end"), "version", o.get("version")));
            }
        }
        accept.add(Map.of("cable", a, "paragraph", "1", "start", 0, "end", 3));
        // b changes after the preview: its accepted occurrence is stale
        as("reviewer").body(body("version", version(b), "disposition", "RELEASE", "codes", List.of(), "note", "ok"))
                .put("/api/cables/" + b + "/paragraphs/1/disposition").then().statusCode(200);

        JsonPath result = bulk("reviewer", body("phrase", NAME, "codes", List.of("(b)(6)"), "accept", accept,
                "preview", false)).then().statusCode(200).extract().jsonPath();

        assertThat(outcomeOf(result, a)).containsEntry("outcome", "partly");
        assertThat(result.getList("cables.find { it.cable == " + a + " }.done.paragraph")).containsExactly("3");
        assertThat(result.getList("cables.find { it.cable == " + a + " }.skipped.reason"))
                .containsExactly("not-an-occurrence");
        assertThat(outcomeOf(result, b)).containsEntry("outcome", "skipped").containsEntry("reason", "stale");
        assertThat(cable("reviewer", a).getList("redactions.address")).containsExactly("3");
        assertThat(cable("reviewer", b).getList("redactions")).isEmpty();
    }

    @Test
    void aLowerClearedReviewersPreviewNeverCarriesAWordFromASecretOrNofornPortion() {
        String plain = "QZBULKU5661";
        String secret = "QZBULKS5661";
        String noforn = "QZBULKN5662";
        long s = ingest(CableFixtures.secretCableForReview("5661", plain, secret));
        long nf = ingest(CableFixtures.confidentialNofornCable("5662", noforn));

        // reviewer (SECRET, NOFORN-eligible) finds all three: the test can fail
        JsonPath cleared = bulk("reviewer", body("pattern", "QZBULK\\w+", "cables", List.of(s, nf),
                "preview", true)).then().statusCode(200).extract().jsonPath();
        assertThat(cleared.getList("items.match")).containsExactlyInAnyOrder(plain, secret, noforn);

        // reviewer2 (CONFIDENTIAL, not NOFORN-eligible): only the (U) paragraph's word, in no body, count or context
        String byPattern = bulk("reviewer2", body("pattern", "QZBULK\\w+", "cables", List.of(s, nf),
                "preview", true)).then().statusCode(200).extract().asString();
        JsonPath lower = JsonPath.from(byPattern);
        assertThat(lower.getList("items.match")).containsExactly(plain);
        assertThat(lower.getLong("occurrences")).isEqualTo(1);
        assertThat(lower.getMap("cables.find { it.cable == " + s + " }")).containsEntry("occurrences", 1);
        assertThat(lower.getMap("cables.find { it.cable == " + nf + " }")).containsEntry("occurrences", 0);
        assertThat(byPattern).doesNotContain(secret).doesNotContain(noforn);
        // the secret portion's own words are not in the context either
        assertThat(byPattern).doesNotContain("told poloff").doesNotContain("private debt");

        for (String phrase : List.of(secret, noforn)) {
            String byPhrase = bulk("reviewer2", body("phrase", phrase, "cables", List.of(s, nf), "preview", true))
                    .then().statusCode(200).extract().asString();
            assertThat(JsonPath.from(byPhrase).getLong("occurrences")).isZero();
            assertThat(byPhrase).doesNotContain(phrase);
        }

        // applying: the cable above reviewer2's clearance is refused as such, still without the words
        String applied = bulk("reviewer2", body("pattern", "QZBULK\\w+", "cables", List.of(s, nf),
                "codes", List.of("(b)(6)"), "preview", false)).then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(applied).getMap("cables.find { it.cable == " + s + " }"))
                .containsEntry("reason", "above-clearance");
        assertThat(applied).doesNotContain(secret).doesNotContain(noforn);
    }

    @Test
    void badInputIsAnsweredWith400NamingTheProblem() {
        long a = ingest(cableNamingASource("5671", "BULKBAD5671"));
        List<Long> one = List.of(a);
        expect400(body("cables", one, "preview", true), "give a phrase");
        expect400(body("phrase", NAME, "pattern", "x", "cables", one, "preview", true), "not both");
        expect400(body("phrase", NAME, "preview", true), "name the cables");
        expect400(body("phrase", NAME, "cables", one, "q", "x", "preview", true), "either cables");
        expect400(body("phrase", NAME, "cables", one, "codes", List.of("NO-SUCH-CODE"), "preview", false),
                "unknown exemption code NO-SUCH-CODE");
        expect400(body("phrase", NAME, "cables", one, "codes", List.of(), "preview", false),
                "at least one exemption code");
        expect400(body("phrase", NAME, "cables", one, "preview", false), "at least one exemption code");
        expect400(body("pattern", "(unclosed", "cables", one, "preview", true), "not a valid regular expression");
        expect400(body("pattern", "(.*.*){12}X", "cables", one, "preview", true), "simplify it");
        expect400(body("phrase", NAME, "cables", LongStream.rangeClosed(1, 10_001).boxed().toList(),
                "preview", true), "too many cables");
        expect400(body("phrase", NAME, "cables", one, "codes", List.of("(b)(6)"), "accept", List.of(),
                "preview", false), "accept is empty");
        expect400(body("phrase", NAME, "codes", List.of("(b)(6)"), "accept", List.of(Map.of("cable", a)),
                "preview", false), "accept[0] needs cable, paragraph, start and end");
        bulk("reviewer", body("phrase", NAME, "cables", "not ids", "preview", true)).then().statusCode(400);
        // a reader without the REVIEWER role may not use it
        bulk("auditor", body("phrase", NAME, "cables", one, "preview", true)).then().statusCode(403);
    }

    private static void expect400(Map<String, Object> body, String message) {
        String answer = bulk("reviewer", body).then().statusCode(400).extract().jsonPath().getString("message");
        assertThat(answer).contains(message);
    }

    @Test
    void aPreviewQuotingClassifiedPortionsIsAuditedAsAReadOfExactlyThosePortions() {
        long a = ingest(cableNamingASource("5691", "BULKPR5691"));

        bulk("reviewer", body("phrase", NAME, "cables", List.of(a), "preview", true)).then().statusCode(200);

        assertThat(audit(a)).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("PORTIONS_READ");
            assertThat(e.get("actor")).isEqualTo("reviewer");
            assertThat(String.valueOf(e.get("note"))).isEqualTo("find-all preview: portions 2,3");
        });
    }
}
