package org.declass.cable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Full-text search for staff, portion by portion: a word matches, counts and shows in a snippet only for readers
 * who may read the portion it stands in. {@code reviewer} is SECRET and NOFORN-eligible, {@code reviewer2}
 * CONFIDENTIAL and not NOFORN-eligible (see account.AccountService).
 */
@QuarkusTest
class PortionAwareSearchTest {

    /** Only in the (S) paragraph 2 of a SECRET cable whose paragraph 1 (U) holds {@link #PLAIN}. */
    static final String SECRET_WORD = "qsecretword9701";
    static final String PLAIN = "qplainword9701";
    /** Only in a CONFIDENTIAL cable that is NOFORN by caption. */
    static final String NOFORN_WORD = "qnofornword9702";

    static boolean stored;

    @BeforeEach
    void storeTheCables() {
        if (stored) {
            return;
        }
        CableApiTest.ingest("reviewer", CableFixtures.secretCableForReview("9701", PLAIN, SECRET_WORD))
                .then().statusCode(201);
        CableApiTest.ingest("reviewer", CableFixtures.confidentialNofornCable("9702", NOFORN_WORD))
                .then().statusCode(201);
        stored = true;
    }

    static JsonPath search(String user, String q) {
        return given().auth().preemptive().basic(user, "demo").queryParam("q", q).get("/api/cables")
                .then().statusCode(200).extract().jsonPath();
    }

    static String searchBody(String user, String q) {
        return given().auth().preemptive().basic(user, "demo").queryParam("q", q).get("/api/cables")
                .then().statusCode(200).extract().asString();
    }

    static String pageBody(String user, String q) {
        return given().auth().preemptive().basic(user, "demo").queryParam("q", q).get("/cables")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void aWordOnlyInASecretParagraphIsFoundByAReaderClearedForIt() {
        JsonPath r = search("reviewer", SECRET_WORD);
        assertThat(r.getLong("total")).isEqualTo(1);
        assertThat(r.getString("items[0].reference")).isEqualTo("09KYIV9701");
        assertThat(r.getInt("items[0].hits[0].paragraph")).isEqualTo(2);
        assertThat(r.getString("items[0].hits[0].snippet")).contains("<mark>" + SECRET_WORD + "</mark>");
    }

    @Test
    void aWordOnlyInASecretParagraphIsNeitherFoundNorCountedForAConfidentialReader() {
        for (String q : List.of(SECRET_WORD, SECRET_WORD.substring(0, 10) + "*", "\"named " + SECRET_WORD + "\"",
                PLAIN + " " + SECRET_WORD, "qsecret* " + PLAIN)) {
            JsonPath r = search("reviewer2", q);
            assertThat(r.getLong("total")).as(q).isZero();
            assertThat(r.getList("items")).as(q).isEmpty();
            assertThat(pageBody("reviewer2", q)).as(q).contains("0 found").doesNotContain(SECRET_WORD);
        }
    }

    @Test
    void aConfidentialReaderFindsTheCableByItsPlainParagraphWithoutTheSecretWordInAnySnippet() {
        for (String q : List.of(PLAIN, PLAIN + " OR " + SECRET_WORD, "qplainword97* OR qsecretword97*")) {
            JsonPath r = search("reviewer2", q);
            assertThat(r.getLong("total")).as(q).isEqualTo(1);
            assertThat(r.getList("items.hits.paragraph.flatten()", Integer.class)).as(q).containsExactly(1);
            assertThat(searchBody("reviewer2", q)).as(q).doesNotContain(SECRET_WORD).doesNotContain("private debt");
            assertThat(pageBody("reviewer2", q)).as(q).contains("1 found").doesNotContain(SECRET_WORD);
        }
        // the reader cleared for both sees both paragraphs' hits
        assertThat(search("reviewer", PLAIN + " OR " + SECRET_WORD).getList("items[0].hits.paragraph", Integer.class))
                .containsExactly(1, 2);
    }

    @Test
    void aWordInANofornCableIsFoundByAnEligibleReaderAndByNoOtherInAnyBodyOrTotal() {
        JsonPath eligible = search("reviewer", NOFORN_WORD);
        assertThat(eligible.getLong("total")).isEqualTo(1);
        assertThat(eligible.getString("items[0].hits[0].snippet")).contains("<mark>" + NOFORN_WORD + "</mark>");
        for (String q : List.of(NOFORN_WORD, "qnofornword* OR zzznothing", "\"" + NOFORN_WORD + " three\"")) {
            assertThat(search("reviewer2", q).getLong("total")).as(q).isZero();
            assertThat(searchBody("reviewer2", q)).as(q).doesNotContain(NOFORN_WORD);
            assertThat(pageBody("reviewer2", q)).as(q).contains("0 found").doesNotContain(NOFORN_WORD);
        }
    }

    @Test
    void theExistingFiltersCombineWithTheText() {
        assertThat(search("reviewer", SECRET_WORD).getLong("total")).isEqualTo(1);
        assertThat(given().auth().preemptive().basic("reviewer", "demo").queryParam("q", SECRET_WORD)
                .queryParam("level", "CONFIDENTIAL").get("/api/cables").then().statusCode(200).extract().jsonPath()
                .getLong("total")).isZero();
        assertThat(given().auth().preemptive().basic("reviewer", "demo").queryParam("q", SECRET_WORD)
                .queryParam("origin", "KYIV").queryParam("state", "NEW").get("/api/cables").then().statusCode(200)
                .extract().jsonPath().getList("items.reference")).containsExactly("09KYIV9701");
        assertThat(given().auth().preemptive().basic("reviewer", "demo").queryParam("q", SECRET_WORD)
                .queryParam("state", "APPROVED").get("/api/cables").then().statusCode(200).extract().jsonPath()
                .getLong("total")).isZero();
    }
}
