package org.declass.cable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    @Inject
    EntityManager em;

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
            // (the page echoes the query in its search box: what it must not show is a hit or the paragraph's text)
            assertThat(pageBody("reviewer2", q)).as(q).contains("0 found").doesNotContain("<mark>qsecret")
                    .doesNotContain("private debt");
        }
    }

    @Test
    void aConfidentialReaderFindsTheCableByItsPlainParagraphWithoutTheSecretWordInAnySnippet() {
        for (String q : List.of(PLAIN, PLAIN + " OR " + SECRET_WORD, "qplainword97* OR qsecretword97*")) {
            JsonPath r = search("reviewer2", q);
            assertThat(r.getLong("total")).as(q).isEqualTo(1);
            assertThat(r.getList("items.hits.paragraph.flatten()", Integer.class)).as(q).containsExactly(1);
            assertThat(searchBody("reviewer2", q)).as(q).doesNotContain(SECRET_WORD).doesNotContain("private debt");
            assertThat(pageBody("reviewer2", q)).as(q).contains("1 found").doesNotContain("<mark>qsecret")
                    .doesNotContain("private debt").contains("<mark>" + PLAIN + "</mark>");
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
            assertThat(pageBody("reviewer2", q)).as(q).contains("0 found").doesNotContain("<mark>qnoforn");
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

    static long version(long id) {
        return given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + id).then().statusCode(200)
                .extract().jsonPath().getLong("version");
    }

    @Test
    void raisingAParagraphToSecretTakesItsWordsOutOfAConfidentialReadersSearchAtOnce() {
        String word = "qremark9703";
        long id = CableApiTest.ingest("reviewer", CableFixtures.confidentialCable("9703", word)).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertThat(search("reviewer2", word).getLong("total")).isEqualTo(1);
        given().auth().preemptive().basic("reviewer", "demo").contentType(ContentType.JSON)
                .body(Map.of("version", version(id))).post("/api/cables/" + id + "/claim").then().statusCode(200);
        given().auth().preemptive().basic("reviewer", "demo").contentType(ContentType.JSON)
                .body(Map.of("version", version(id), "level", "SECRET", "controls", List.of(),
                        "reason", "names a source"))
                .put("/api/cables/" + id + "/paragraphs/1/marking").then().statusCode(200);
        assertThat(search("reviewer2", word).getLong("total")).isZero();
        assertThat(searchBody("reviewer2", word + " OR tender")).doesNotContain(word);
        assertThat(search("reviewer", word).getLong("total")).isEqualTo(1);
    }

    @Test
    void aChangeAnotherInstanceCommitsIsFollowedFromTheChangeTable() throws InterruptedException {
        String word = "qinstance9704";
        long id = CableApiTest.ingest("reviewer", CableFixtures.confidentialCable("9704", word)).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertThat(search("reviewer2", word).getLong("total")).isEqualTo(1);
        // what another instance's review writes, without this instance hearing of it: the raised paragraph and the
        // change row of the same transaction
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update paragraph set effective_level_rank = 2 where cable_id = ?1 and seq = 1")
                    .setParameter(1, id).executeUpdate();
            em.createNativeQuery("insert into search_change (index_name, doc_key) values ('cables', ?1)")
                    .setParameter(1, id).executeUpdate();
        });
        long deadline = System.currentTimeMillis() + 10_000;
        long total = 1;
        while (total != 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            total = search("reviewer2", word).getLong("total");
        }
        assertThat(total).as("the confidential reader's total once the index caught up").isZero();
        assertThat(search("reviewer", word).getLong("total")).isEqualTo(1);
    }
}
