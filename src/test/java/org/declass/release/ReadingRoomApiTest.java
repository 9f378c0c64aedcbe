package org.declass.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public reading-room API: released cables only, anonymous, with the same 404 for unknown and unreleased. */
@QuarkusTest
class ReadingRoomApiTest {

    static final String SOURCE = "MKRRSOURCE6101";

    @Inject
    ReleaseService releases;

    static long released;
    static long unreleased;

    @BeforeEach
    void releaseOneCable() {
        if (released != 0) {
            return;
        }
        released = ReleaseFlow.ingestAndClaim(CableFixtures.secretCableForReview("6101", "MKRRPLAIN6101", SOURCE),
                        "reviewer")
                .redact(2, SOURCE, "25X1").withhold(3, "25X6").submitAndApprove("approver").release(releases)
                .getCableId();
        unreleased = ReleaseFlow.ingestAndClaim(CableFixtures.unclassifiedCable("6102", "MKRRUNRELEASED6102"),
                "reviewer").id();
    }

    @Test
    void anAnonymousVisitorFindsAReleasedCableByAWordOfItsReleasedText() {
        given().get("/api/releases?q=mkrrplain6101").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) released))
                .body("items[0].reference", equalTo("09KYIV6101"));
        given().get("/api/releases?q=Pivdennyi-Nord grain").then().statusCode(200)
                .body("items.id", hasItem((int) released));
    }

    @Test
    void aWithheldWordIsNeverAHitNorACount() {
        given().get("/api/releases?q=" + SOURCE).then().statusCode(200).body("total", equalTo(0));
        given().get("/api/releases?q=mkrrplain6101 " + SOURCE).then().statusCode(200).body("total", equalTo(0));
        given().get("/api/releases?q=port authority follow").then().statusCode(200)
                .body("items.id", not(hasItem((int) released)));
    }

    @Test
    void theReadingRoomListsOnlyReleasedCablesAndTheDemoReleasesAreThere() {
        JsonPath page = given().get("/api/releases?size=100").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2)).extract().jsonPath();
        assertThat(page.getList("items.id", Long.class)).contains(released).doesNotContain(unreleased);
        given().get("/api/releases?q=mkrrunreleased6102").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void filtersByOriginTagAndDateNarrowTheList() {
        given().get("/api/releases?origin=KYIV&q=mkrrplain6101").then().statusCode(200).body("total", equalTo(1));
        given().get("/api/releases?origin=TALLINN&q=mkrrplain6101").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/releases?tag=UP&q=mkrrplain6101").then().statusCode(200).body("total", equalTo(1));
        given().get("/api/releases?tag=EN&q=mkrrplain6101").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/releases?from=2009-04-01&to=2009-04-30&q=mkrrplain6101").then().statusCode(200)
                .body("total", equalTo(1));
        given().get("/api/releases?from=2009-05-01&q=mkrrplain6101").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aReleasedCableIsServedAsJsonTextAndPdfWithTheDeclassificationMarking() {
        given().get("/api/releases/" + released).then().statusCode(200)
                .body("reference", equalTo("09KYIV6101")).body("document.declassified", equalTo(true))
                .body("document.stamp.declassifiedBy", equalTo("approver (release approver)"))
                .body("pdf", equalTo("/api/releases/" + released + ".pdf"));
        String text = given().get("/api/releases/" + released + ".txt").then().statusCode(200)
                .contentType("text/plain").extract().asString();
        assertThat(text).startsWith("DECLASSIFIED\nAuthority: E.O. 13526").contains("(formerly SECRET)")
                .contains("[REDACTED 25X1]").contains("[WITHHELD IN FULL 25X6]").contains("REDACTION INDEX")
                .contains("MKRRPLAIN6101").doesNotContain(SOURCE).doesNotContain("port authority");
        byte[] pdf = given().get("/api/releases/" + released + ".pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void anUnreleasedCableAndAnUnknownIdGetTheSame404() {
        String a = given().get("/api/releases/" + unreleased).then().statusCode(404).extract().asString();
        String b = given().get("/api/releases/987654321").then().statusCode(404).extract().asString();
        String c = given().get("/api/releases/" + unreleased + ".pdf").then().statusCode(404).extract().asString();
        String d = given().get("/api/releases/not-a-number.txt").then().statusCode(404).extract().asString();
        assertThat(a).isEqualTo(b).isEqualTo(c).isEqualTo(d).contains(ReleaseNotFound.MESSAGE);
        given().get("/reading-room/" + unreleased).then().statusCode(404);
    }

    @Test
    void badParametersAreRefusedWith400NamingThem() {
        given().get("/api/releases?from=yesterday").then().statusCode(400)
                .body("message", equalTo("from must be a date written YYYY-MM-DD"));
        given().get("/api/releases?size=1000").then().statusCode(400).body("message", equalTo("size must be between 1 and 100"));
        given().get("/api/releases?page=-1").then().statusCode(400).body("message", equalTo("page must not be negative"));
        given().get("/api/releases?from=2010-01-01&to=2009-01-01").then().statusCode(400);
        given().get("/api/releases?page=abc").then().statusCode(400).body("message", equalTo("page must be a whole number"));
        given().accept("text/html").get("/reading-room?page=abc").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("page must be a whole number"));
        given().get("/api/releases?q=" + "x".repeat(201)).then().statusCode(400);
    }

    @Test
    void theRestOfTheApiStillNeedsSignIn() {
        given().get("/api/cables").then().statusCode(401);
        given().get("/api/cables/" + released + "/view").then().statusCode(401);
    }

    @Test
    void theReadingRoomPagesAreOpenToAnonymousVisitors() {
        given().accept("text/html").get("/reading-room?q=mkrrplain6101").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/reading-room/" + released));
        String page = given().accept("text/html").get("/reading-room/" + released).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<s>SECRET</s>").contains("DECLASSIFIED").contains("[REDACTED 25X1]")
                .contains("/api/releases/" + released + ".txt").doesNotContain(SOURCE);
        given().accept("text/html").get("/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("href=\"/reading-room\""));
    }
}
