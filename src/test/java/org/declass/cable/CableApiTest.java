package org.declass.cable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CableApiTest {

    static Response ingest(String user, String text) {
        return given().auth().preemptive().basic(user, "demo").contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/cables");
    }

    @Test
    void aReviewerIngestsACableAndGetsTheParsedCableWithItsId() {
        String text = CableFixtures.confidentialCable("1101", "MARKER-INGEST-1101");
        Response r = ingest("reviewer", text);
        r.then().statusCode(201)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("reference", equalTo("09MONTEVIDEO1101"))
                .body("classification.level", equalTo("CONFIDENTIAL"))
                .body("banner", equalTo("CONFIDENTIAL"))
                .body("paragraphs[0].marking.level", equalTo("CONFIDENTIAL"))
                .body("paragraphs[0].text", org.hamcrest.Matchers.containsString("MARKER-INGEST-1101"));
    }

    @Test
    void theOriginalComesBackByteForByte() {
        String text = CableFixtures.confidentialCable("1102", "MARKER-ORIGINAL") + "trailing  spaces  \r\nand CRLF\r\n";
        long id = ingest("reviewer", text).then().statusCode(201).extract().jsonPath().getLong("id");
        byte[] back = given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + id + "/original")
                .then().statusCode(200).extract().asByteArray();
        assertThat(back).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameTextTwiceIsOneCable() {
        String text = CableFixtures.confidentialCable("1103", "MARKER-TWICE");
        long first = ingest("reviewer", text).then().statusCode(201).extract().jsonPath().getLong("id");
        long second = ingest("admin", text).then().statusCode(200).extract().jsonPath().getLong("id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aDifferentTextUnderAStoredReferenceIsAConflictNamingTheReference() {
        ingest("reviewer", CableFixtures.confidentialCable("1104", "MARKER-A")).then().statusCode(201);
        ingest("reviewer", CableFixtures.confidentialCable("1104", "MARKER-B")).then().statusCode(409)
                .body("message", org.hamcrest.Matchers.containsString("09MONTEVIDEO1104"));
    }

    @Test
    void anApiCallWithoutCredentialsGets401AndNoRedirect() {
        given().redirects().follow(false).accept(ContentType.JSON).get("/api/cables")
                .then().statusCode(401);
        given().redirects().follow(false).auth().preemptive().basic("reviewer", "wrong").get("/api/cables")
                .then().statusCode(401);
    }

    @Test
    void anAuditorMayReadButNotIngest() {
        ingest("auditor", CableFixtures.confidentialCable("1105", "MARKER-AUDITOR")).then().statusCode(403);
        given().auth().preemptive().basic("auditor", "demo").get("/api/cables").then().statusCode(200);
    }

    @Test
    void theListFiltersByLevelOriginAndTextAndPagesInTheDatabase() {
        ingest("reviewer", CableFixtures.confidentialCable("1106", "MARKER-LIST")).then().statusCode(201);
        given().auth().preemptive().basic("reviewer", "demo")
                .queryParam("level", "CONFIDENTIAL").queryParam("origin", "MONTEVIDEO").queryParam("size", 2)
                .get("/api/cables")
                .then().statusCode(200)
                .body("size", equalTo(2))
                .body("items.level", org.hamcrest.Matchers.everyItem(equalTo("CONFIDENTIAL")))
                .body("items.origin", org.hamcrest.Matchers.everyItem(equalTo("MONTEVIDEO")));
        given().auth().preemptive().basic("reviewer", "demo").queryParam("q", "09MONTEVIDEO1106")
                .get("/api/cables").then().statusCode(200)
                .body("total", equalTo(1)).body("items.reference", hasItem("09MONTEVIDEO1106"));
    }

    @Test
    void badFilterValuesAreNamedInA400() {
        given().auth().preemptive().basic("reviewer", "demo").queryParam("level", "PURPLE").get("/api/cables")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("level"));
    }

    @Test
    void anUnknownCableIsA404() {
        given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/999999")
                .then().statusCode(404).body("message", org.hamcrest.Matchers.containsString("999999"));
    }

    @Test
    void aReaderNeverReceivesPortionsAboveTheirClearanceOrNofornWithoutEligibility() {
        String text = CableFixtures.secretNofornCableWithMixedPortions("2201", "MARK-U-2201", "MARK-C-2201",
                "MARK-SNF-2201", "MARK-S-2201");
        long id = ingest("admin", text).then().statusCode(201).extract().jsonPath().getLong("id");

        // reviewer2: CONFIDENTIAL, not NOFORN-eligible; the cable is NOFORN by caption, so nothing is readable
        String asReviewer2 = given().auth().preemptive().basic("reviewer2", "demo").get("/api/cables/" + id)
                .then().statusCode(200).extract().asString();
        assertThat(asReviewer2).doesNotContain("MARK-U-2201", "MARK-C-2201", "MARK-SNF-2201", "MARK-S-2201",
                "FICTIONAL HARBOR");
        assertThat(asReviewer2).contains("[withheld: (S//NF) portion]");
        given().auth().preemptive().basic("reviewer2", "demo").get("/api/cables/" + id + "/original")
                .then().statusCode(403);
        String page = given().auth().preemptive().basic("reviewer2", "demo").accept("text/html")
                .get("/api/cables/" + id).asString();
        assertThat(page).doesNotContain("MARK-S-2201");

        // reviewer: SECRET and eligible: everything
        String asReviewer = given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + id)
                .then().statusCode(200).body("fullyReadable", equalTo(true)).extract().asString();
        assertThat(asReviewer).contains("MARK-U-2201", "MARK-C-2201", "MARK-SNF-2201", "MARK-S-2201");
    }

    @Test
    void aConfidentialReaderSeesConfidentialPortionsButNotSecretOnes() {
        String text = CableFixtures.secretNofornCableWithMixedPortions("2202", "MARK-U-2202", "MARK-C-2202",
                "MARK-SNF-2202", "MARK-S-2202").replace("NOFORN\nSIPDIS", "SIPDIS").replace("(S//NF)", "(S)");
        long id = ingest("admin", text).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> view = given().auth().preemptive().basic("reviewer2", "demo").get("/api/cables/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
        String json = view.toString();
        assertThat(json).contains("MARK-U-2202", "MARK-C-2202").doesNotContain("MARK-SNF-2202", "MARK-S-2202");
        List<Map<String, Object>> paragraphs = given().auth().preemptive().basic("reviewer2", "demo")
                .get("/api/cables/" + id).jsonPath().getList("paragraphs");
        assertThat(paragraphs.get(2)).containsEntry("withheld", true).containsEntry("text", null)
                .containsEntry("start", null);
    }
}
