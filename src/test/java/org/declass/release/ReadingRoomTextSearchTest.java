package org.declass.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reading room's query language, snippets and orders, over released text only: a redacted span, a withheld
 * paragraph and an unreleased cable are never a hit, a count or a snippet.
 */
@QuarkusTest
class ReadingRoomTextSearchTest {

    static final String PLAIN = "QRRPLAIN9721";
    /** Redacted from the released text (25X1). */
    static final String SOURCE = "QRRSOURCE9721";
    static final String UNRELEASED = "QRRUNRELEASED9722";

    @Inject
    ReleaseService releases;

    static long released;

    @BeforeEach
    void releaseOneCable() {
        if (released != 0) {
            return;
        }
        released = ReleaseFlow.ingestAndClaim(CableFixtures.secretCableForReview("9721", PLAIN, SOURCE), "reviewer")
                .redact(2, SOURCE, "25X1").withhold(3, "25X6").submitAndApprove("approver").release(releases)
                .getCableId();
        ReleaseFlow.ingestAndClaim(CableFixtures.unclassifiedCable("9722", UNRELEASED), "reviewer");
    }

    static JsonPath search(String q, String... more) {
        var req = given().queryParam("q", q);
        for (int i = 0; i < more.length; i += 2) {
            req = req.queryParam(more[i], more[i + 1]);
        }
        return req.get("/api/releases").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void thePublicFindsAReleasedCableByAPhraseAPrefixOrAnAlternative() {
        for (String q : List.of("\"" + PLAIN + " the invented\"", "qrrplain97*", PLAIN + " OR zzznothing",
                "grain terminal " + PLAIN + " -zzznothing")) {
            assertThat(search(q).getList("items.id", Long.class)).as(q).contains(released);
        }
        assertThat(search("\"the invented " + PLAIN + "\"").getInt("total")).isZero();
    }

    @Test
    void aRedactedSpanAWithheldParagraphAndAnUnreleasedCableAreNeverAHitACountOrASnippet() {
        for (String q : List.of(SOURCE, "qrrsource*", PLAIN + " " + SOURCE, "\"named " + SOURCE + "\"",
                "\"port authority\"", UNRELEASED, "qrrunrel*")) {
            JsonPath r = search(q);
            assertThat(r.getInt("total")).as(q).isZero();
        }
        String body = given().queryParam("q", PLAIN + " OR " + SOURCE + " OR qrrunrel*").get("/api/releases")
                .then().statusCode(200).extract().asString();
        assertThat(body).contains(PLAIN).doesNotContain(SOURCE)
                .doesNotContain(UNRELEASED).doesNotContain("port authority");
        String page = given().queryParam("q", PLAIN + " OR " + SOURCE).get("/reading-room").then().statusCode(200)
                .extract().asString();
        // (the page echoes the query in its search box; no hit of the redacted word may stand in it)
        assertThat(page).contains("<mark>" + PLAIN + "</mark>").doesNotContain("<mark>" + SOURCE);
    }

    @Test
    void eachResultCarriesSnippetsOfItsReleasedTextWithTheHitMarked() {
        JsonPath r = search(PLAIN);
        assertThat(r.getInt("total")).isEqualTo(1);
        assertThat(r.getString("items[0].hits[0].snippet")).contains("<mark>" + PLAIN + "</mark>");
        assertThat(r.getInt("items[0].hits[0].paragraph")).isPositive();
    }

    @Test
    void relevanceIsAnOrderAndAnythingElseOrABadQueryIsA400NamingIt() {
        assertThat(search(PLAIN, "sort", "relevance").getList("items.id", Long.class)).containsExactly(released);
        given().queryParam("q", PLAIN).queryParam("sort", "best").get("/api/releases").then().statusCode(400)
                .body("message", containsString("relevance"));
        given().queryParam("q", "\"unclosed").get("/api/releases").then().statusCode(400)
                .body("message", containsString("closing quote"));
        given().queryParam("q", "-alone").get("/reading-room").then().statusCode(400);
    }
}
