package org.declass.cable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff list's query language over the body text, its snippets and its two orders, through the API. */
@QuarkusTest
class CableTextSearchTest {

    static boolean stored;

    @BeforeEach
    void storeTheCables() {
        if (stored) {
            return;
        }
        // one cable says qrelevant three times, the other once and is stored later (so it is newer in date order:
        // both fixtures carry the same date, and the list breaks ties by id)
        CableApiTest.ingest("reviewer", CableFixtures.confidentialCable("9711",
                "qrelevant qrelevant qrelevant qphrasealpha qphrasebeta")).then().statusCode(201);
        CableApiTest.ingest("reviewer", CableFixtures.confidentialCable("9712",
                "qrelevant <b>bold</b> & qescape9712")).then().statusCode(201);
        stored = true;
    }

    static JsonPath search(Map<String, String> params) {
        return given().auth().preemptive().basic("reviewer", "demo").queryParams(params).get("/api/cables")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> references(String q) {
        return search(Map.of("q", q)).getList("items.reference", String.class);
    }

    @Test
    void aPhraseMatchesItsWordsInOrderOnly() {
        assertThat(references("\"qphrasealpha qphrasebeta\"")).containsExactly("09MONTEVIDEO9711");
        assertThat(references("\"qphrasebeta qphrasealpha\"")).isEmpty();
    }

    @Test
    void aPrefixOrAndExclusionWorkOnTheBodyText() {
        assertThat(references("qphrasealp*")).containsExactly("09MONTEVIDEO9711");
        assertThat(references("qphrasealpha OR qescape9712")).containsExactlyInAnyOrder("09MONTEVIDEO9711",
                "09MONTEVIDEO9712");
        assertThat(references("qrelevant -qescape9712")).containsExactly("09MONTEVIDEO9711");
        assertThat(references("qrelevant -\"qphrasealpha qphrasebeta\"")).containsExactly("09MONTEVIDEO9712");
    }

    @Test
    void wordsOfTheBodyCombineWithWordsOfTheSubjectAndTheReference() {
        assertThat(references("qphrasealpha tender uruguay")).containsExactly("09MONTEVIDEO9711");
        assertThat(references("09MONTEVIDEO9712")).containsExactly("09MONTEVIDEO9712");
        assertThat(references("09 MONTEVIDEO 9712")).containsExactly("09MONTEVIDEO9712");
    }

    @Test
    void relevanceOrdersTheCableThatSaysItMoreFirstAndDateOrdersTheNewerFirst() {
        assertThat(search(Map.of("q", "qrelevant", "sort", "relevance")).getList("items.reference", String.class))
                .containsExactly("09MONTEVIDEO9711", "09MONTEVIDEO9712");
        assertThat(search(Map.of("q", "qrelevant", "sort", "date")).getList("items.reference", String.class))
                .containsExactly("09MONTEVIDEO9712", "09MONTEVIDEO9711");
        assertThat(search(Map.of("q", "qrelevant", "sort", "oldest")).getList("items.reference", String.class))
                .containsExactly("09MONTEVIDEO9711", "09MONTEVIDEO9712");
    }

    @Test
    void aSnippetMarksTheHitAndEscapesEverythingElse() {
        JsonPath r = search(Map.of("q", "qescape9712"));
        String snippet = r.getString("items[0].hits[0].snippet");
        assertThat(snippet).contains("<mark>qescape9712</mark>").contains("&lt;b&gt;bold&lt;/b&gt; &amp;")
                .doesNotContain("<b>");
        assertThat(r.getString("items[0].hits[0].address")).isNotBlank();
        String page = given().auth().preemptive().basic("reviewer", "demo").queryParam("q", "qescape9712")
                .get("/cables").then().statusCode(200).extract().asString();
        assertThat(page).contains("<mark>qescape9712</mark>").doesNotContain("<b>bold</b>");
    }

    @Test
    void aQueryThatCannotBeReadIsA400NamingTheProblem() {
        Map<String, String> bad = Map.of(
                "\"unclosed phrase", "without its closing quote",
                "-onlyexcluded", "looks for none",
                "harbor OR", "OR without a word after it",
                "d*", "prefix shorter than 2",
                "dr*dge", "a star may only end a word",
                "(harbor", "without its closing one");
        bad.forEach((q, problem) -> {
            given().auth().preemptive().basic("reviewer", "demo").queryParam("q", q).get("/api/cables")
                    .then().statusCode(400).body("message", containsString(problem));
            given().auth().preemptive().basic("reviewer", "demo").queryParam("q", q).get("/cables")
                    .then().statusCode(400);
        });
        given().auth().preemptive().basic("reviewer", "demo").queryParam("q", "harbor").queryParam("sort", "best")
                .get("/api/cables").then().statusCode(400).body("message", containsString("relevance"));
    }

    @Test
    void aSnippetOfAClassifiedPortionIsAuditedAsAReadAndAnUnclassifiedOneIsNot() {
        // 9711: qrelevant stands in paragraph 1 (C) only; 9712's paragraph 2 (U) says nothing searched for here
        long id = search(Map.of("q", "qphrasealpha")).getLong("items[0].id");
        search(Map.of("q", "tender closes qphrasealpha"));

        List<Map<String, Object>> reads = io.restassured.RestAssured.given().auth().preemptive()
                .basic("auditor", "demo").get("/api/audit?cable=" + id + "&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.action == 'PORTIONS_READ' }");
        assertThat(reads).extracting(e -> e.get("note"))
                .contains("search snippets: portions 1")
                .noneMatch(n -> String.valueOf(n).contains("portions 2") || String.valueOf(n).contains(",2"));
    }
}
