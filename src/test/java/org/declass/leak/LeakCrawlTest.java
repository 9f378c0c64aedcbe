package org.declass.leak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.leak.LeakCrawl.Fetch;
import org.declass.leak.LeakCrawl.Seed;
import org.declass.release.ReleaseFlow;
import org.declass.release.ReleaseService;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing leaks (issue 6, BRIEF 15 #1-#9): one released cable with markers in withheld spans, in paragraphs withheld
 * in full, above a reader's clearance and in a NOFORN paragraph, plus canaries in the client's redaction request;
 * every output fetched as anonymous and as each demo account.
 */
@QuarkusTest
class LeakCrawlTest {

    @Inject
    ReleaseService releases;

    static Seed seed;
    static List<Fetch> fetches;

    @BeforeEach
    void seedAndCrawl() {
        if (seed != null) {
            return;
        }
        long released = ReleaseFlow.ingestAndClaim(LeakFixtures.cable("7300"), "reviewer")
                .redact(1, LeakFixtures.SPAN, "25X1", "note", LeakFixtures.CANARY_NOTE,
                        "text", LeakFixtures.CANARY_TEXT, "placeholder", LeakFixtures.CANARY_TEXT)
                .withhold(2, "25X6").withhold(3, "25X1").redact(4, LeakFixtures.SECRET, "50X1-HUM")
                .submitAndApprove("approver").release(releases).getCableId();
        long unreleased = ReleaseFlow.ingestAndClaim(CableFixtures.unclassifiedCable("7310", LeakFixtures.UNRELEASED),
                "reviewer").id();
        seed = new Seed(released, unreleased, LeakFixtures.markers(), LeakFixtures.ANCHORS);
        fetches = LeakCrawl.crawl(seed);
    }

    @Test
    void everyMarkerAppearsOnlyWhereItsAudienceMaySeeIt() {
        assertThat(LeakCrawl.problems(seed, fetches)).isEmpty();
    }

    @Test
    void theCrawlSeesWhatItMustSeeSoItCannotPassByFetchingNothing() {
        assertThat(fetches).hasSizeGreaterThan(300);
        // every rendering endpoint answered someone with the cable
        for (LeakCrawl.Endpoint e : LeakCrawl.endpoints()) {
            if (e.renders()) {
                assertThat(fetches).as(e.path()).anyMatch(f -> f.endpoint().equals(e) && f.status() == 200);
            }
        }
        // a cleared reader's PDF holds the secret paragraph: the extraction works
        assertThat(text("reviewer", "/view?format=pdf&audience=cleared")).contains(LeakFixtures.NOFORN)
                .contains(LeakFixtures.SECRET).contains(LeakFixtures.SPAN);
        // the low-clearance reader gets paragraph 1 but not the SECRET and NOFORN ones
        assertThat(text("reviewer2", "/view?format=txt&audience=cleared")).contains(LeakFixtures.SPAN)
                .contains(LeakFixtures.FULL).doesNotContain(LeakFixtures.NOFORN).doesNotContain(LeakFixtures.SECRET)
                .contains("[withheld: (S");
        // anonymous: the released text, none of the withheld
        assertThat(text(null, ".txt")).contains("KEEPSONE").contains("[REDACTED 25X1]")
                .contains("[WITHHELD IN FULL 25X6]").contains("[REDACTED 50X1-HUM]");
        // reviewer2 cannot preview the public release of a SECRET cable: 403 naming no content
        assertThat(fetches).anyMatch(f -> "reviewer2".equals(f.user()) && f.path().contains("/original")
                && f.status() == 403);
    }

    @Test
    void searchingForAWithheldMarkerFindsNothingAndChangesNoCount() {
        int withAnchor = given().get("/api/releases?q=KEEPUONE").then().statusCode(200).extract().jsonPath()
                .getInt("total");
        assertThat(withAnchor).isEqualTo(1);
        for (String marker : List.of(LeakFixtures.SPAN, LeakFixtures.FULL, LeakFixtures.NOFORN, LeakFixtures.SECRET,
                LeakFixtures.CANARY_NOTE, LeakFixtures.CANARY_TEXT, LeakFixtures.UNRELEASED)) {
            given().get("/api/releases?q=" + marker).then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(0));
            given().get("/api/releases?q=KEEPUONE " + marker).then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(0));
            String page = given().accept("text/html").get("/reading-room?q=" + marker).then().statusCode(200)
                    .extract().asString();
            assertThat(page).contains("0 released cables found");
        }
    }

    @Test
    void aCanaryInTheClientsRedactionRequestNeverReachesPublicOutput() {
        for (Fetch f : fetches) {
            assertThat(f.text()).as(f.who() + " " + f.path()).doesNotContain(LeakFixtures.CANARY_TEXT);
            if (f.endpoint().shows() == LeakCrawl.Shows.RELEASED || f.user() == null) {
                assertThat(f.text()).as(f.who() + " " + f.path()).doesNotContain(LeakFixtures.CANARY_NOTE);
            }
        }
    }

    private static String text(String user, String suffix) {
        return fetches.stream().filter(f -> java.util.Objects.equals(user, f.user()) && f.path().endsWith(suffix)
                        && f.path().contains("/" + seed.released()) && f.status() == 200)
                .map(Fetch::text).findFirst().orElseThrow(() -> new AssertionError("no fetch " + user + " " + suffix));
    }

    @Inject
    org.declass.ingest.IngestService ingest;

    @Test
    void aListTotalNeverCountsACableWhoseSubjectTheReaderMayNotRead() {
        // a word found only in the subjects of three SECRET//NOFORN cables; pages of one, so that every total is
        // counted (the exact single-word count, the capped combined count, the count driven by level or origin)
        for (String serial : List.of("7351", "7352", "7353")) {
            ingest.ingest(CableFixtures.secretNofornCableWithMixedPortions(serial, "U" + serial, "C" + serial,
                            "N" + serial, "S" + serial)
                    .replace("FICTIONAL HARBOR AUTHORITY REVIEW", "QLEAKCOUNT HARBOR REVIEW").getBytes(),
                    org.declass.ingest.parser.ParseHints.NONE, "test");
        }
        for (String q : List.of("q=qleakcount", "q=qleakcount+harbor", "q=qleakcount+pgov&level=SECRET",
                "q=qleakcount&origin=TALLINN", "q=qleakcount&rule=R-LVL-1", "q=qleakcount&state=NEW&hasErrors=true")) {
            // reviewer2 (CONFIDENTIAL, not NOFORN-eligible): nothing, and a total of 0, not "3" nor "1,000+"
            given().auth().preemptive().basic("reviewer2", "demo").get("/api/cables?size=1&" + q).then()
                    .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0))
                    .body("totalCapped", org.hamcrest.Matchers.equalTo(false))
                    .body("items", org.hamcrest.Matchers.empty());
            String page = given().auth().preemptive().basic("reviewer2", "demo").accept("text/html")
                    .get("/cables?" + q).then().statusCode(200).extract().asString();
            // the references, not their bare serials: a bare "7352" also turns up inside the page's random hex tokens
            assertThat(page).as(q).contains("0 found").doesNotContain("TALLINN7351").doesNotContain("TALLINN7352")
                    .doesNotContain("TALLINN7353");
        }
        // the cleared reviewer (SECRET, NOFORN-eligible) gets the three, counted exactly
        given().auth().preemptive().basic("reviewer", "demo").get("/api/cables?size=1&q=qleakcount").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(3))
                .body("totalCapped", org.hamcrest.Matchers.equalTo(false));
        given().auth().preemptive().basic("reviewer", "demo").get("/api/cables?size=1&q=qleakcount+harbor").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(3));
    }
}
