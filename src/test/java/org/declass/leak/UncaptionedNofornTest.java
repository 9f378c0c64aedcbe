package org.declass.leak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A cable whose every portion and subject are (C//NF) but whose writer forgot the NOFORN caption (issue 16): the
 * marking it is stored with carries NOFORN, so a reader cleared CONFIDENTIAL but not NOFORN-eligible (reviewer2)
 * gets none of its parts that carry the cable's marking (tags, REF, Classified By) in the list, a search or the API,
 * while a NOFORN-eligible reader gets them all.
 */
@QuarkusTest
class UncaptionedNofornTest {

    static final String TAG = "ZQTAGNF5601";
    static final String REF = "ZQREFNF5601";
    static final String CLASSIFIER = "Zqcabnf";
    static final String SUBJECT = "ZQSUBJNF5601";
    static final String BODY = "ZQBODYNF5601";
    static final List<String> MARKERS = List.of(TAG, REF, CLASSIFIER, SUBJECT, BODY);

    static final String CABLE = """
            VZCZCXRO5601
            RR RUEHWEB
            DE RUEHLJ #5601 1401120
            ZNY CCCCC ZZH
            R 201120Z MAY 09
            FM AMEMBASSY LJUBLJANA
            TO RUEHC/SECSTATE WASHDC 3301

            C O N F I D E N T I A L LJUBLJANA 005601

            SIPDIS

            E.O. 12958: DECL: 05/20/2019
            TAGS: PREL PGOV SI %1$s
            SUBJECT: (C//NF) SLOVENIA: INVENTED %4$s BRIDGE TENDER

            REF: LJUBLJANA 501 %2$s

            Classified By: DCM Peter R. %3$s, reasons 1.4 (b) and (d)

            1. (C//NF) %5$s The invented bridge tender drew two bidders.

            2. (C//NF) A contact said one bid was withdrawn under pressure.

            INVENTED
            """.formatted(TAG, REF, CLASSIFIER, SUBJECT, BODY);

    static Long id;

    /** Ingested once, as the admin. */
    private static synchronized long ingest() {
        if (id == null) {
            id = given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                    .body(CABLE.getBytes(StandardCharsets.UTF_8)).post("/api/cables")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
        }
        return id;
    }

    private static String get(String user, String path, String query) {
        var r = given().auth().preemptive().basic(user, "demo");
        if (query != null) {
            r = r.queryParam("q", query);
        }
        return r.get(path).then().extract().asString();
    }

    @Test
    void aReaderWithoutNofornEligibilityGetsNoneOfItsPartsInTheListSearchOrApi() {
        long id = ingest();

        // search by a tag: no match, no count
        given().auth().preemptive().basic("reviewer2", "demo").queryParam("q", TAG.toLowerCase())
                .get("/api/cables").then().statusCode(200).body("total", equalTo(0));
        // the reference alone is listed for every signed-in reader, but nothing carrying the cable's marking
        String listed = get("reviewer2", "/api/cables", "09LJUBLJANA5601");
        assertThat(listed).contains("09LJUBLJANA5601");
        String cable = get("reviewer2", "/api/cables/" + id, null);
        String page = given().auth().preemptive().basic("reviewer2", "demo").accept("text/html")
                .get("/cables/" + id).then().extract().asString();
        assertThat(cable).contains("09LJUBLJANA5601", "[withheld");
        assertThat(page).contains("09LJUBLJANA5601");
        for (String marker : MARKERS) {
            assertThat(listed).as("list").doesNotContainIgnoringCase(marker);
            assertThat(cable).as("API").doesNotContainIgnoringCase(marker);
            assertThat(page).as("page").doesNotContainIgnoringCase(marker);
        }
    }

    @Test
    void itIsStoredNofornWhileTheWrittenBannerIsStillFlagged() {
        long id = ingest();
        given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + id).then().statusCode(200)
                .body("banner", equalTo("CONFIDENTIAL//NOFORN"))
                .body("findings.code", hasItem("R-CTL-1"));
    }

    @Test
    void aNofornEligibleReaderGetsEveryPart() {
        long id = ingest();
        given().auth().preemptive().basic("reviewer", "demo").queryParam("q", TAG.toLowerCase())
                .get("/api/cables").then().statusCode(200).body("total", equalTo(1));
        String cable = get("reviewer", "/api/cables/" + id, null);
        for (String marker : MARKERS) {
            assertThat(cable).containsIgnoringCase(marker);
        }
    }
}
