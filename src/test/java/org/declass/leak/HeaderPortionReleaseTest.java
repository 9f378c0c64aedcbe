package org.declass.leak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.declass.release.ReleaseFlow;
import org.declass.release.ReleaseService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, part 3: a SECRET cable whose subject, REF lines and CLASSIFIED BY line the review withheld is approved
 * by another person and released; what each of them held (a unique marker) reaches no public page, API, download,
 * search result or count. (Before, the subject and references were released word for word.)
 */
@QuarkusTest
class HeaderPortionReleaseTest {

    static final String SUBJECT = "MKHDRSUBJ7301";
    static final String REF = "MKHDRREF7301";
    static final String CAB = "Mkhdrcab7301";
    static final String PLAIN = "MKHDRPLAIN7301";
    static final List<String> MARKERS = List.of(SUBJECT, REF, CAB);

    static String cable(String serial) {
        return """
                VZCZCXRO7301
                PP RUEHWEB
                DE RUEHCH #%1$s 2101044
                ZNY SSSSS ZZH
                P 291044Z JUL 09
                FM AMEMBASSY CHISINAU
                TO RUEHC/SECSTATE WASHDC PRIORITY 7302

                S E C R E T CHISINAU 00%1$s

                SIPDIS

                E.O. 12958: DECL: 07/29/2019
                TAGS: PGOV PREL MD
                SUBJECT: (S) MOLDOVA: %2$s INVENTED CUSTOMS POST CLOSURE

                REF: A. CHISINAU 41 %3$s
                     B. CHISINAU 57

                Classified By: Ambassador %4$s Q. Roe, reasons 1.4 (b) and (d)

                1. (U) %5$s The invented customs post at Ocnita-Sud
                closed on Monday for a week of repairs.

                2. (S) A contact told poloff the closure hid an inquiry
                into smuggled fuel.

                3. (C) Embassy will follow up with the customs service.

                ROE
                """.formatted(serial, SUBJECT, REF, CAB, PLAIN);
    }

    @Inject
    ReleaseService releases;

    static long released;

    @BeforeEach
    void releaseOnce() {
        if (released != 0) {
            return;
        }
        ReleaseFlow flow = ReleaseFlow.ingestAndClaim(cable("7301"), "reviewer");
        long id = flow.id();
        JsonPath before = flow.cable();
        assertThat(before.getString("subject")).contains(SUBJECT);
        assertThat(before.getList("references.raw", String.class)).anySatisfy(r -> assertThat(r).contains(REF));
        assertThat(before.getString("classifiedBy[0].name")).contains(CAB);
        for (String part : List.of("subject", "ref", "classified-by")) {
            ReleaseFlow.as("reviewer").body(body(id, "disposition", "WITHHOLD", "codes", List.of("25X6"),
                            "note", "withheld for the test"))
                    .put("/api/cables/" + id + "/paragraphs/" + part + "/disposition").then().statusCode(200);
        }
        released = flow.withhold(2, "25X1").submitAndApprove("approver").release(releases).getCableId();
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

    static void assertNoMarker(String where, String body) {
        for (String m : MARKERS) {
            assertThat(body).as(where + " must not hold " + m).doesNotContainIgnoringCase(m);
        }
    }

    @Test
    void theWithheldSubjectReferencesAndClassificationAuthorityReachNoPublicPageApiOrDownload() {
        String json = given().get("/api/releases/" + released).then().statusCode(200).extract().asString();
        assertThat(json).contains(PLAIN).contains("[WITHHELD IN FULL 25X6]");
        assertNoMarker("/api/releases/{id}", json);
        String text = given().get("/api/releases/" + released + ".txt").then().statusCode(200).extract().asString();
        assertThat(text).contains(PLAIN).contains("SUBJECT: (formerly S) [WITHHELD IN FULL 25X6]");
        assertNoMarker(".txt", text);
        byte[] pdf = given().get("/api/releases/" + released + ".pdf").then().statusCode(200).extract().asByteArray();
        PdfInspection inspected = PdfInspection.of(pdf);
        assertThat(inspected.extractedText()).contains(PLAIN);
        assertNoMarker(".pdf", inspected.everything());
        String page = given().get("/reading-room/" + released).then().statusCode(200).extract().asString();
        assertThat(page).contains(PLAIN);
        assertNoMarker("/reading-room/{id}", page);
        String list = given().get("/api/releases?size=100").then().statusCode(200).extract().asString();
        assertNoMarker("/api/releases", list);
        String room = given().get("/reading-room?size=100").then().statusCode(200).extract().asString();
        assertNoMarker("/reading-room", room);
        String found = given().get("/api/releases?q=" + PLAIN).then().statusCode(200).body("total", equalTo(1))
                .extract().asString();
        assertNoMarker("/api/releases?q=", found);
    }

    @Test
    void aWordOfTheWithheldSubjectReferencesOrAuthorityIsNeverAHitNorACount() {
        given().get("/api/releases?q=" + PLAIN).then().statusCode(200).body("total", equalTo(1));
        for (String m : MARKERS) {
            given().get("/api/releases?q=" + m).then().statusCode(200).body("total", equalTo(0));
            given().get("/api/releases?q=" + PLAIN + " " + m).then().statusCode(200).body("total", equalTo(0));
            // the page repeats the words asked for; none of the other markers, and no hit
            String page = given().get("/reading-room?q=" + m).then().statusCode(200).extract().asString();
            assertThat(page).doesNotContain("/reading-room/" + released + "\"");
            for (String other : MARKERS) {
                if (!other.equals(m)) {
                    assertThat(page).doesNotContainIgnoringCase(other);
                }
            }
        }
    }
}
