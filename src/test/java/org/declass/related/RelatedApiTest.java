package org.declass.related;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** GET /api/cables/{id}/related: duplicates, near-duplicates, shared passages and REF links, as each reader may know them. */
@QuarkusTest
class RelatedApiTest {

    static final String P1 = "The invented ferry line between Riga and Stockholm changed hands on Monday after the"
            + " minority owner sold its stake to a holding company registered in Cyprus.";
    static final String P2 = "Port officials told econoff that the new owners plan to add a second vessel in the"
            + " spring and to keep the crews on their present contracts.";
    static final String P3 = "The ministry of transport has not commented, and the competition council says it was"
            + " not notified of the sale before it closed.";

    /** A Riga cable: {@code level} "C" or "S", its three paragraphs marked so, an optional REF line. */
    static String cable(String serial, String level, String ref, String p1, String p2, String p3) {
        String banner = level.equals("S") ? "S E C R E T" : "C O N F I D E N T I A L";
        String znY = level.equals("S") ? "SSSSS" : "CCCCC";
        return """
                VZCZCXRO5500
                RR RUEHWEB
                DE RUEHRA #%1$s 0401530
                ZNY %2$s ZZH
                R 091530Z FEB 09
                FM AMEMBASSY RIGA
                TO RUEHC/SECSTATE WASHDC 9921

                %3$s RIGA 00%1$s

                SIPDIS

                E.O. 12958: DECL: 02/09/2019
                TAGS: ECON EINV LG
                SUBJECT: LATVIA: INVENTED FERRY LINE CHANGES HANDS
                %4$s
                Classified By: CDA John R. Roe, reasons 1.4 (b) and (d)

                1. (%5$s) %6$s

                2. (%5$s) %7$s

                3. (%5$s) %8$s

                ROE
                """.formatted(serial, znY, banner, ref == null ? "" : "\nREF: " + ref + "\n", level, p1, p2, p3);
    }

    static long ingest(String text) {
        return given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/cables")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath related(String user, long id) {
        return given().auth().preemptive().basic(user, "demo").get("/api/cables/" + id + "/related")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRetransmissionIsADuplicateAndASmallEditANearDuplicateWithItsSimilarity() {
        String unique = " Marker rlqdup8801.";
        long a = ingest(cable("8801", "C", null, P1 + unique, P2, P3));
        long b = ingest(cable("8802", "C", null, P1 + unique, P2, P3).replace("R 091530Z FEB 09", "R 101200Z FEB 09"));
        long c = ingest(cable("8803", "C", null, P1 + unique, P2.replace("second vessel", "third vessel"), P3));

        JsonPath r = related("reviewer", a);

        assertThat(r.getList("duplicates.id", Long.class)).containsExactly(b);
        assertThat(r.getList("nearDuplicates.id", Long.class)).contains(c).doesNotContain(a, b);
        Map<String, Object> near = r.getMap("nearDuplicates.find { it.id == " + c + " }");
        assertThat(((Number) near.get("similarity")).doubleValue()).isBetween(Fingerprints.NEAR, 0.99);
        assertThat(near).containsEntry("reference", "09RIGA8803");
        // shared passages are not repeated for a cable already listed as a duplicate
        assertThat(r.getList("sharedPassages.cable.id", Long.class)).doesNotContain(b);
    }

    @Test
    void aCableQuotingAParagraphSharesThatPassageAndItsRefLinksBothWays() {
        long a = ingest(cable("8811", "C", null, P1 + " Marker rlqquote8811.", P2 + " Marker rlqquote8811b.", P3));
        long b = ingest(cable("8812", "C", "09 RIGA 8811", "An unrelated opening on the invented ferry rlqother8812"
                + " that says something else entirely about the harbour dues and the pilots' strike.",
                "As reported, " + "rlqother8812b", P2 + " Marker rlqquote8811b."));

        JsonPath fromA = related("reviewer", a);
        assertThat(fromA.getList("sharedPassages.cable.id", Long.class)).contains(b);
        assertThat(fromA.getList("sharedPassages.find { it.cable.id == " + b + " }.passages", Map.class))
                .containsExactly(Map.of("here", "2", "there", "3"));
        assertThat(fromA.getList("referencedBy.id", Long.class)).containsExactly(b);

        JsonPath fromB = related("reviewer", b);
        assertThat(fromB.getList("references.reference", String.class)).containsExactly("09RIGA8811");
        assertThat(fromB.getList("references.id", Long.class)).containsExactly(a);
    }

    @Test
    void aReaderNotClearedForTheOtherCableLearnsNoRelationToIt() {
        // a CONFIDENTIAL cable and a SECRET one with the same words (the marks are not part of a paragraph's text)
        String unique = " Marker rlqsecret8821.";
        long a = ingest(cable("8821", "C", null, P1 + unique, P2 + unique, P3 + unique));
        long s = ingest(cable("8822", "S", "09 RIGA 8821", P1 + unique, P2 + unique, P3 + unique));

        JsonPath cleared = related("reviewer", a);
        assertThat(cleared.getList("duplicates.id", Long.class)).contains(s);
        assertThat(cleared.getList("referencedBy.id", Long.class)).contains(s);

        // reviewer2 is cleared for CONFIDENTIAL only
        JsonPath notCleared = related("reviewer2", a);
        assertThat(notCleared.getList("duplicates.id", Long.class)).doesNotContain(s);
        assertThat(notCleared.getList("nearDuplicates.id", Long.class)).doesNotContain(s);
        assertThat(notCleared.getList("sharedPassages.cable.id", Long.class)).doesNotContain(s);
        assertThat(notCleared.getList("referencedBy.id", Long.class)).doesNotContain(s);
        assertThat(notCleared.prettify()).doesNotContain("09RIGA8822");
        // and asked about the SECRET cable itself, nothing of its body or REF line is compared for them
        JsonPath fromS = related("reviewer2", s);
        assertThat(fromS.getList("nearDuplicates")).isEmpty();
        assertThat(fromS.getList("sharedPassages")).isEmpty();
        assertThat(fromS.getList("references")).isEmpty();
    }

    @Test
    void anUnknownCableIsA404AndAnAnonymousCallerA401() {
        given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/987654321/related").then()
                .statusCode(404);
        given().get("/api/cables/1/related").then().statusCode(401);
    }

    @Test
    void theCablePageAndTheReviewScreenListTheRelatedCablesTheReaderMayKnow() {
        String unique = " Marker rlqpage8831.";
        long a = ingest(cable("8831", "C", null, P1 + unique, P2, P3));
        long s = ingest(cable("8832", "S", null, P1 + unique, P2, P3));
        long c = ingest(cable("8833", "C", "09 RIGA 8831", "An unrelated opening rlqpage8833 about harbour dues.",
                "Short.", P3 + " Marker rlqpage8833b."));
        given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + a + "/related").then()
                .statusCode(200); // fingerprints every cable stored so far

        String page = given().auth().preemptive().basic("reviewer", "demo").get("/cables/" + a).then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("Related cables", "href=\"/cables/" + s + "\"", "09RIGA8832", "Cited by",
                "09RIGA8833");
        String limited = given().auth().preemptive().basic("reviewer2", "demo").get("/cables/" + a).then()
                .statusCode(200).extract().asString();
        assertThat(limited).contains("Related cables", "09RIGA8833").doesNotContain("09RIGA8832");

        given().auth().preemptive().basic("reviewer", "demo").contentType("application/json")
                .body(Map.of("version", given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + a)
                        .then().extract().jsonPath().getLong("version")))
                .post("/api/cables/" + a + "/claim").then().statusCode(200);
        String screen = given().auth().preemptive().basic("reviewer", "demo").get("/review/" + a).then()
                .statusCode(200).extract().asString();
        assertThat(screen).contains("Related cables", "09RIGA8832");
    }

    static List<Long> ids(JsonPath r, String list) {
        return r.getList(list + ".id", Long.class);
    }
}
