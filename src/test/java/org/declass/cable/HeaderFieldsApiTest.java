package org.declass.cable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.release.ReleaseFlow;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, part 1: the header fields an archivist reads (classified by, references with their canonical ids and the
 * stored cable they name, tags and their kinds, signers, recipients) in {@code GET /api/cables/{id}} and on the cable
 * page; a REF link only for a reader cleared for the cable it names; a typed cable id found by the search box.
 */
@QuarkusTest
class HeaderFieldsApiTest {

    /** Invented serials, distinct per run of this class (the class is loaded once per profile). */
    static int serial() {
        synchronized (System.class) {
            int next = Integer.getInteger("declass.test.header-fields-serial", 61_000) + 1;
            System.setProperty("declass.test.header-fields-serial", String.valueOf(next));
            return next;
        }
    }

    static String cable(String banner, String post, int serial, String tags, String ref, String cab, String signer) {
        return """
                VZCZCXRO%2$d
                PP RUEHWEB
                DE RUEHKV #%2$d 2101044
                ZNY CCCCC ZZH
                P 291044Z JUL 09
                FM AMEMBASSY %1$s
                TO RUEHC/SECSTATE WASHDC PRIORITY 7402
                INFO RUEHBS/USEU BRUSSELS PRIORITY 0113
                RUEHRO/AMEMBASSY ROME 0210

                %3$s %1$s 00%2$d

                SIPDIS

                E.O. 12958: DECL: 07/29/2019
                TAGS: %4$s
                SUBJECT: INVENTED TALKS ON A FERRY LINE %2$d

                %5$s

                Classified By: %6$s, reasons 1.4 (b) and (d)

                1. (C) The invented ferry talks resumed on Monday after a
                long pause over harbour fees.

                2. (U) Embassy will follow up.

                %7$s
                """.formatted(post, serial, banner, tags, ref, cab, signer);
    }

    static long ingest(String text) {
        return ReleaseFlow.as("admin").contentType("text/plain; charset=UTF-8").body(text)
                .post("/api/cables").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void referencesCarryTheirCanonicalIdsAndLinkOnlyToCablesTheReaderIsClearedFor() {
        int secretSerial = serial();
        int confSerial = serial();
        int citing = serial();
        long secretId = ingest(cable("S E C R E T", "VALLETTA", secretSerial, "PREL MT", "", "Ambassador Ann Vella",
                "VELLA"));
        long confId = ingest(cable("C O N F I D E N T I A L", "VALLETTA", confSerial, "PREL MT", "",
                "Ambassador Ann Vella", "VELLA"));
        String ref = "REF: A. 09 VALLETTA 000" + secretSerial + "\nB. VALLETTA " + confSerial
                + "\nC. EMAIL FROM POLOFF OF 07/01/2009";
        long id = ingest(cable("C O N F I D E N T I A L", "VALLETTA", citing, "PREL MT", ref,
                "Ambassador Ann Vella", "VELLA"));

        JsonPath cleared = ReleaseFlow.as("reviewer").get("/api/cables/" + id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(cleared.getList("references.id")).containsExactly("09VALLETTA" + secretSerial,
                "09VALLETTA" + confSerial, null);
        assertThat(cleared.getList("references.cableId", Long.class)).containsExactly(secretId, confId, null);

        JsonPath confidential = ReleaseFlow.as("reviewer2").get("/api/cables/" + id).then().statusCode(200).extract()
                .jsonPath();
        // the item as written is part of the REF portion the reader may read; the stored SECRET cable is not named
        assertThat(confidential.getList("references.id")).containsExactly("09VALLETTA" + secretSerial,
                "09VALLETTA" + confSerial, null);
        assertThat(confidential.getList("references.cableId", Long.class)).containsExactly(null, confId, null);
        String page = ReleaseFlow.as("reviewer2").accept("text/html").get("/cables/" + id).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("href=\"/cables/" + confId + "\"").doesNotContain("href=\"/cables/" + secretId + "\"");
        String pageCleared = ReleaseFlow.as("reviewer").accept("text/html").get("/cables/" + id).then()
                .statusCode(200).extract().asString();
        assertThat(pageCleared).contains("href=\"/cables/" + secretId + "\"");
    }

    @Test
    void theHeaderFieldsAreInTheApiAndOnThePage() {
        int s = serial();
        long id = ingest(cable("C O N F I D E N T I A L", "VALLETTA", s, "PREL PGOV KDEM MT", "REF: STATE 4411",
                "DCM Paul Camilleri", "VELLA"));
        JsonPath c = ReleaseFlow.as("reviewer").get("/api/cables/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("classifiedBy[0].name")).isEqualTo("Paul Camilleri");
        assertThat(c.getString("classifiedBy[0].title")).isEqualTo("DCM");
        assertThat(c.getList("tags")).containsExactly("PREL", "PGOV", "KDEM", "MT");
        assertThat(c.getList("tagKinds")).containsExactly("SUBJECT", "SUBJECT", "PROGRAM", "GEOGRAPHIC");
        assertThat(c.getList("references.id")).containsExactly("09STATE4411");
        assertThat(c.getList("signers")).containsExactly("VELLA");
        assertThat(c.getList("recipients")).containsExactly("SECSTATE WASHDC");
        assertThat(c.getList("infoRecipients")).containsExactly("USEU BRUSSELS", "AMEMBASSY ROME");
        String page = ReleaseFlow.as("reviewer").accept("text/html").get("/cables/" + id).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Paul Camilleri").contains("09STATE4411").contains("title=\"program tag\">KDEM")
                .contains("<dd id=\"signers\">VELLA</dd>").contains("<div>SECSTATE WASHDC</div>")
                .contains("2 addressees").contains("<div>AMEMBASSY ROME</div>");
    }

    @Test
    void aCableIdTypedWithSpacesAndZerosFindsTheCable() {
        int s = serial();
        long id = ingest(cable("C O N F I D E N T I A L", "VALLETTA", s, "PREL MT", "", "Ambassador Ann Vella",
                "VELLA"));
        List<Long> found = ReleaseFlow.as("reviewer").queryParam("q", "09 valletta 000" + s).get("/api/cables")
                .then().statusCode(200).body("total", equalTo(1)).extract().jsonPath().getList("items.id", Long.class);
        assertThat(found).containsExactly(id);
        ReleaseFlow.as("reviewer").queryParam("q", "2009 VALLETTA " + s).get("/api/cables").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void signersAndAddresseesReachOnlyReadersClearedForTheCablesBanner() {
        int s = serial();
        // a signer's name is letters only: the serial's digits written as letters make it unique per run
        String signer = "ZQXSIGNER" + String.valueOf(s).chars().mapToObj(d -> String.valueOf((char) ('A' + d - '0')))
                .collect(java.util.stream.Collectors.joining());
        long id = ingest(cable("S E C R E T", "VALLETTA", s, "PREL MT", "", "Ambassador Ann Vella", signer));
        JsonPath cleared = ReleaseFlow.as("reviewer").get("/api/cables/" + id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(cleared.getList("signers")).containsExactly(signer);

        String api = ReleaseFlow.as("reviewer2").get("/api/cables/" + id).then().extract().asString();
        String page = ReleaseFlow.as("reviewer2").accept("text/html").get("/cables/" + id).then().extract()
                .asString();
        for (String out : List.of(api, page)) {
            assertThat(out).doesNotContain("ZQXSIGNER").doesNotContain("AMEMBASSY ROME")
                    .doesNotContain("USEU BRUSSELS");
        }
    }
}
