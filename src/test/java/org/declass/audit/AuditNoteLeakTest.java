package org.declass.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.body;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.declass.marking.ClassificationLevel;
import org.declass.redaction.Placeholders;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Notes and reasons are classified at the level of what they are attached to: a redaction's note on a SECRET
 * paragraph and a hold reason on a SECRET cable, each carrying a unique marker, never reach auditor2 (CONFIDENTIAL,
 * not NOFORN-eligible) in any page, query, index or export of the trail, while auditor (SECRET) reads both.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditNoteLeakTest {

    static final String SECRET_NOTE = Placeholders.withheldNote(ClassificationLevel.SECRET, false);

    final String noteMarker = "LEAKMARK-" + UUID.randomUUID();
    final String holdMarker = "LEAKMARK-" + UUID.randomUUID();
    final String plainMarker = "PLAINNOTE-" + UUID.randomUUID();
    long cable;

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo");
    }


    long version() {
        return as("admin").get("/api/cables/" + cable).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    void act(String action, Object... keyValues) {
        as("reviewer").contentType(ContentType.JSON).body(body(version(), keyValues))
                .post("/api/cables/" + cable + "/" + action).then().statusCode(200);
    }

    /** Once for the class (in @BeforeEach: RestAssured is pointed at the test server only per test). */
    @BeforeEach
    void aReviewerRedactsASecretParagraphWithANoteAndHoldsTheCableWithAReason() {
        if (cable != 0) {
            return;
        }
        String serial = Integer.toString(5000 + (int) (Math.random() * 4000));
        cable = as("admin").contentType("text/plain; charset=UTF-8")
                .body(CableFixtures.secretCableForReview(serial, "U-" + serial, "S-" + serial)
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/cables").then().statusCode(201).extract().jsonPath().getLong("id");
        act("claim");
        // paragraph 1 is (U): its redaction note is unclassified; paragraph 2 is (S)
        as("reviewer").contentType(ContentType.JSON).body(body(version(), "paragraph", "1", "start", 3, "end", 9,
                        "codes", List.of("25X1"), "note", plainMarker))
                .post("/api/cables/" + cable + "/redactions").then().statusCode(201);
        as("reviewer").contentType(ContentType.JSON).body(body(version(), "paragraph", "2", "start", 3, "end", 11,
                        "codes", List.of("25X1"), "note", "program name " + noteMarker))
                .post("/api/cables/" + cable + "/redactions").then().statusCode(201);
        act("hold", "code", "25X6", "reason", "waiting on " + holdMarker, "until",
                LocalDate.now().plusMonths(6).toString());
    }

    /** Every output of the trail that shows notes, as JSON, CSV, JSON Lines or HTML. */
    List<String> outputs() {
        return List.of("/api/audit?size=200", "/api/audit?cable=" + cable, "/api/audit?user=reviewer&size=200",
                "/api/audit?code=25X1&size=200", "/api/audit?code=25X6&size=200",
                "/api/audit?action=REDACTION_ADDED&size=200", "/api/audit?action=STATE_CHANGED&size=200",
                "/api/audit/cables/" + cable + "/redactions", "/api/audit/export.csv",
                "/api/audit/export.jsonl", "/api/audit/export.csv?cable=" + cable,
                "/api/audit/export.jsonl?cable=" + cable + "&user=reviewer", "/audit", "/audit?cable=" + cable,
                "/audit?user=reviewer", "/audit?code=25X6", "/cables/" + cable);
    }

    static String fetch(String user, String url) {
        return as(user).accept(url.startsWith("/api/") ? "*/*" : "text/html").get(url).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void aNoteOnASecretPortionAndAHoldReasonOnASecretCableNeverReachAConfidentialAuditor() {
        for (String url : outputs()) {
            String seen = fetch("auditor2", url);
            assertThat(seen).as(url).doesNotContain(noteMarker).doesNotContain(holdMarker);
        }
        for (String url : List.of("/api/audit?cable=" + cable, "/api/audit/export.csv?cable=" + cable,
                "/api/audit/export.jsonl?cable=" + cable, "/audit?cable=" + cable, "/cables/" + cable,
                "/api/audit/cables/" + cable + "/redactions")) {
            assertThat(fetch("auditor2", url)).as(url).contains(SECRET_NOTE).contains(plainMarker);
        }
    }

    @Test
    void aSecretAuditorReadsTheNoteAndTheHoldReason() {
        for (String url : List.of("/api/audit?cable=" + cable, "/api/audit/export.csv?cable=" + cable,
                "/api/audit/export.jsonl?cable=" + cable, "/audit?cable=" + cable, "/cables/" + cable)) {
            assertThat(fetch("auditor", url)).as(url).contains(noteMarker, holdMarker, plainMarker)
                    .doesNotContain(SECRET_NOTE);
        }
        assertThat(fetch("auditor", "/api/audit/cables/" + cable + "/redactions")).contains(noteMarker);
    }

    @Test
    void theSpanOfARedactionOnASecretParagraphIsWithheldAndTheHashIsTheStoredOne() {
        JsonPath limited = as("auditor2").get("/api/audit?action=REDACTION_ADDED&cable=" + cable).then()
                .statusCode(200).extract().jsonPath();
        JsonPath cleared = as("auditor").get("/api/audit?action=REDACTION_ADDED&cable=" + cable).then()
                .statusCode(200).extract().jsonPath();
        // newest first: [0] is paragraph 2 (S), [1] paragraph 1 (U)
        assertThat(limited.getInt("items[0].paragraph")).isEqualTo(2);
        assertThat(limited.getString("items[0].spanStart")).isNull();
        assertThat(limited.getString("items[0].spanEnd")).isNull();
        assertThat(limited.getBoolean("items[0].withheld")).isTrue();
        assertThat(limited.getString("items[0].note")).isEqualTo(SECRET_NOTE);
        assertThat(limited.getString("items[0].hash")).isEqualTo(cleared.getString("items[0].hash"));
        assertThat(cleared.getInt("items[0].spanStart")).isEqualTo(3);
        assertThat(cleared.getBoolean("items[0].withheld")).isFalse();
        assertThat(limited.getInt("items[1].spanStart")).isEqualTo(3);
        assertThat(limited.getString("items[1].note")).isEqualTo(plainMarker);

        JsonPath index = as("auditor2").get("/api/audit/cables/" + cable + "/redactions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(index.getList("$")).hasSize(2);
        assertThat(index.getString("find { it.paragraph == 2 }.spanStart")).isNull();
        assertThat(index.getString("find { it.paragraph == 2 }.reason")).isEqualTo(SECRET_NOTE);
        assertThat(index.getInt("find { it.paragraph == 1 }.spanEnd")).isEqualTo(9);
    }

    @Test
    void theChainStillVerifiesAndAnExportWithWithheldNotesStillChecksOutsideDeclass() throws Exception {
        assertThat(as("auditor2").get("/api/audit/verify").then().statusCode(200).extract().jsonPath()
                .getBoolean("ok")).isTrue();
        String jsonl = fetch("auditor2", "/api/audit/export.jsonl");
        assertThat(jsonl).contains("\"withheld\":[\"note\",\"span_start\",\"span_end\"]");
        assertThat(VerifyExportScript.verify(jsonl)).contains("with withheld fields not recomputed");
    }

    @Test
    void theDemoAccountAuditor2IsAConfidentialAuditorNotNofornEligible() {
        JsonPath created = as("auditor").get("/api/audit?action=ACCOUNT_CREATED&user=system:startup&size=200")
                .then().statusCode(200).extract().jsonPath();
        assertThat(created.getString("items.find { it.note.contains(\"'auditor2'\") }.after"))
                .isEqualTo("CONFIDENTIAL");
        assertThat(created.getString("items.find { it.note.contains(\"'auditor2'\") }.note")).contains("AUDITOR");
        as("auditor2").get("/api/audit?size=1").then().statusCode(200);
        as("auditor2").get("/api/cables/" + cable + "/original").then().statusCode(403);
    }
}
