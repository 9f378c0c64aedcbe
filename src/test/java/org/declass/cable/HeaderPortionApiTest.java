package org.declass.cable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.release.ReleaseFlow;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, part 3: the header portions (subject, ref, classified-by, tags) through the disclosure decision and the
 * review, and no lengths of what a reader may not read.
 */
@QuarkusTest
class HeaderPortionApiTest {

    static final String SUBJECT = "MKHPSUBJ";
    static final String CAB = "Mkhpcab";

    /** A SECRET cable: subject (S), paragraphs (U), (S), (C), CLASSIFIED BY unmarked (so: the cable's, SECRET). */
    static String cable(String serial, String subjectMark) {
        return """
                VZCZCXRO7401
                PP RUEHWEB
                DE RUEHCH #%1$s 2101044
                ZNY SSSSS ZZH
                P 291044Z JUL 09
                FM AMEMBASSY CHISINAU
                TO RUEHC/SECSTATE WASHDC PRIORITY 7402

                S E C R E T CHISINAU 00%1$s

                SIPDIS

                E.O. 12958: DECL: 07/29/2019
                TAGS: PGOV PREL MD
                SUBJECT: %3$s MOLDOVA: %2$s%1$s INVENTED BORDER TALKS

                REF: A. CHISINAU 41

                Classified By: Ambassador %4$s%1$s Q. Roe, reasons 1.4 (b) and (d)

                1. (U) The invented border talks resumed in Ocnita-Sud
                on Monday after a long pause.

                2. (S) A contact told poloff the talks hide a quarrel
                over a fuel depot.

                3. (C) Embassy will follow up with the ministry.

                ROE
                """.formatted(serial, SUBJECT, subjectMark, CAB);
    }

    static long ingest(String text) {
        return ReleaseFlow.as("admin").contentType("text/plain; charset=UTF-8").body(text)
                .post("/api/cables").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> body(long id, Object... kv) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", ReleaseFlow.as("admin").get("/api/cables/" + id).then().statusCode(200).extract()
                .jsonPath().getLong("version"));
        for (int i = 0; i < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return body;
    }

    @Test
    void aConfidentialReaderGetsNoOffsetsNoSizeNoHashAndPlaceholdersForTheSecretSubjectAndAuthority() {
        long id = ingest(cable("7401", "(S)"));
        JsonPath full = ReleaseFlow.as("reviewer").get("/api/cables/" + id).then().statusCode(200).extract()
                .jsonPath();
        // the control: a reader cleared for the whole cable gets all of it
        assertThat(full.getString("sha256")).hasSize(64);
        assertThat(full.getInt("sizeBytes")).isPositive();
        assertThat(full.getList("paragraphs.start")).doesNotContainNull();
        assertThat(full.getString("subject")).contains(SUBJECT + "7401");
        assertThat(full.getString("classifiedBy[0].name")).contains(CAB + "7401");

        String raw = ReleaseFlow.as("reviewer2").get("/api/cables/" + id).then().statusCode(200).extract().asString();
        JsonPath c = JsonPath.from(raw);
        assertThat(c.getString("sha256")).isNull();
        assertThat(c.getString("sizeBytes")).isNull();
        assertThat(c.getList("paragraphs.start")).containsOnlyNulls();
        assertThat(c.getList("paragraphs.end")).containsOnlyNulls();
        assertThat(c.getString("paragraphs.find { it.number == 1 }.text")).contains("border talks");
        assertThat(c.getBoolean("subjectWithheld")).isTrue();
        assertThat(c.getString("headerPortions.find { it.name == 'subject' }.placeholder"))
                .isEqualTo("[withheld: (S) portion]");
        assertThat(c.getString("headerPortions.find { it.name == 'classified-by' }.placeholder"))
                .isEqualTo("[withheld: (S) portion]");
        assertThat(raw).doesNotContainIgnoringCase(SUBJECT + "7401").doesNotContainIgnoringCase(CAB + "7401")
                .doesNotContain("CHISINAU 41");

        for (String format : List.of("json", "txt", "html")) {
            String doc = ReleaseFlow.as("reviewer2").accept("*/*")
                    .get("/api/cables/" + id + "/view?audience=cleared&format=" + format).then().statusCode(200)
                    .extract().asString();
            assertThat(doc).as(format).contains("[withheld: (S) portion]").contains("border talks")
                    .doesNotContainIgnoringCase(SUBJECT + "7401").doesNotContainIgnoringCase(CAB + "7401");
        }
        String page = ReleaseFlow.as("reviewer2").accept("text/html").get("/cables/" + id).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("[withheld: (S) portion]").doesNotContainIgnoringCase(SUBJECT + "7401")
                .doesNotContainIgnoringCase(CAB + "7401");
    }

    @Test
    void aTagWordOfASecretCableIsNoHitForAConfidentialReader() {
        long id = ingest(cable("7402", "(S)").replace("TAGS: PGOV PREL MD", "TAGS: PGOV PREL MD KMKHPTAG"));
        assertThat(ReleaseFlow.as("reviewer").get("/api/cables/" + id).then().statusCode(200).extract().jsonPath()
                .getList("tags", String.class)).contains("KMKHPTAG");
        ReleaseFlow.as("reviewer").get("/api/cables?q=kmkhptag").then().statusCode(200).body("total", equalTo(1));
        ReleaseFlow.as("reviewer2").get("/api/cables?q=kmkhptag").then().statusCode(200).body("total", equalTo(0));
        String list = ReleaseFlow.as("reviewer2").get("/api/cables?size=100").then().statusCode(200).extract()
                .asString();
        assertThat(list).doesNotContain("KMKHPTAG");
    }

    @Test
    void whenAParagraphRaisesTheBannerTheTagWordsFollowItInTheSearch() {
        long id = ingest(org.declass.testdata.CableFixtures.confidentialCable("7405", "MKHPC7405")
                .replace("TAGS: ECON EINV UY", "TAGS: ECON EINV UY KMKHPTAGC"));
        ReleaseFlow.as("reviewer2").get("/api/cables?q=kmkhptagc").then().statusCode(200).body("total", equalTo(1));
        ReleaseFlow.as("reviewer").body(body(id)).post("/api/cables/" + id + "/claim").then().statusCode(200);
        ReleaseFlow.as("reviewer").body(body(id, "level", "S", "reason", "names a source"))
                .put("/api/cables/" + id + "/paragraphs/2/marking").then().statusCode(200);
        ReleaseFlow.as("reviewer").get("/api/cables?q=kmkhptagc").then().statusCode(200).body("total", equalTo(1));
        ReleaseFlow.as("reviewer2").get("/api/cables?q=kmkhptagc").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSubjectCanBeRedactedDispositionedAndItsMarkingRaised() {
        long id = ingest(cable("7403", "(C)"));
        ReleaseFlow.as("reviewer").body(body(id)).post("/api/cables/" + id + "/claim").then().statusCode(200);
        String subject = ReleaseFlow.as("reviewer").get("/api/cables/" + id).then().extract().jsonPath()
                .getString("subject");
        int start = subject.indexOf(SUBJECT);
        long rid = ReleaseFlow.as("reviewer").body(body(id, "paragraph", "subject", "start", start, "end",
                        start + SUBJECT.length() + 4, "codes", List.of("25X1"), "note", "a name"))
                .post("/api/cables/" + id + "/redactions").then().statusCode(201).extract().jsonPath()
                .getLong("redactionId");
        String preview = ReleaseFlow.as("reviewer").accept("*/*")
                .get("/api/cables/" + id + "/view?audience=public&format=txt").then().statusCode(200).extract()
                .asString();
        assertThat(preview).contains("SUBJECT: (formerly C) MOLDOVA: [REDACTED 25X1] INVENTED BORDER TALKS")
                .doesNotContain(SUBJECT + "7403");
        ReleaseFlow.as("reviewer").body(body(id)).queryParam("version", body(id).get("version"))
                .delete("/api/cables/" + id + "/redactions/" + rid).then().statusCode(200);
        ReleaseFlow.as("reviewer").accept("*/*").get("/api/cables/" + id + "/view?audience=public&format=txt").then()
                .statusCode(200).body(containsString(SUBJECT + "7403"));

        ReleaseFlow.as("reviewer").body(body(id, "disposition", "RELEASE"))
                .put("/api/cables/" + id + "/paragraphs/subject/disposition").then().statusCode(200);
        JsonPath after = ReleaseFlow.as("reviewer").get("/api/cables/" + id).then().extract().jsonPath();
        assertThat(after.getString("headerPortions.find { it.name == 'subject' }.disposition")).isEqualTo("RELEASE");

        // raising the subject from (C) to (S) takes effect at once; lowering it, or raising REF above the banner,
        // is refused and changes nothing
        ReleaseFlow.as("reviewer").body(body(id, "level", "S", "reason", "names a source"))
                .put("/api/cables/" + id + "/paragraphs/subject/marking").then().statusCode(200);
        ReleaseFlow.as("reviewer2").get("/api/cables/" + id).then().statusCode(200)
                .body("subjectWithheld", equalTo(true));
        ReleaseFlow.as("reviewer").body(body(id, "level", "C", "reason", "lower"))
                .put("/api/cables/" + id + "/paragraphs/subject/marking").then().statusCode(400)
                .body(containsString("only be raised"));
        ReleaseFlow.as("reviewer").body(body(id, "level", "S", "controls", List.of("NOFORN"), "reason", "higher"))
                .put("/api/cables/" + id + "/paragraphs/ref/marking").then().statusCode(400)
                .body(containsString("above the banner"));
        ReleaseFlow.as("reviewer").get("/api/cables/" + id).then().statusCode(200)
                .body("headerPortions.find { it.name == 'subject' }.marking", equalTo("(S)"))
                .body("headerPortions.find { it.name == 'ref' }.marking", equalTo("(S)"));
        ReleaseFlow.as("reviewer").body(body(id, "start", 0, "end", 500, "paragraph", "ref", "codes",
                List.of("25X1"))).post("/api/cables/" + id + "/redactions").then().statusCode(400)
                .body(containsString("not inside the ref"));
    }

    @Test
    void aHeaderPortionTheCableDoesNotHaveIsNotFound() {
        long id = ingest(cable("7404", "(C)").replace("REF: A. CHISINAU 41\n\n", ""));
        ReleaseFlow.as("reviewer").body(body(id)).post("/api/cables/" + id + "/claim").then().statusCode(200);
        ReleaseFlow.as("reviewer").body(body(id, "disposition", "WITHHOLD", "codes", List.of("25X1")))
                .put("/api/cables/" + id + "/paragraphs/ref/disposition").then().statusCode(404)
                .body(containsString("no ref"));
    }
}
