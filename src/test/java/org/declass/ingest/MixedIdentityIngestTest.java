package org.declass.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A file whose routing header belongs to one cable (Valletta, serial 412) and whose text to another (Reykjavik,
 * serial 187) is never stored as one cable (issue 16): a single ingest answers 422 naming both, a bulk import reports
 * it and quarantines it with a reason naming both, and the other files are stored.
 */
@QuarkusTest
class MixedIdentityIngestTest {

    @Inject
    BulkImporter importer;

    /** Invented: the routing header of VALLETTA 412, the text of REYKJAVIK {@code serial}. */
    static String mixed(String serial) {
        return """
                VZCZCXRO4412
                RR RUEHWEB
                DE RUEHVL #0412/01 2511527
                ZNY CCCCC ZZH
                R 081527Z SEP 09
                FM AMEMBASSY VALLETTA
                TO RUEHC/SECSTATE WASHDC 4410

                Thursday, 13 August 2009, 08:54
                C O N F I D E N T I A L REYKJAVIK 000%1$s

                SIPDIS

                E.O. 12958: DECL: 08/13/2019
                TAGS: PREL PGOV IC
                SUBJECT: ICELAND: INVENTED FISHERIES TALKS RESUME

                Classified By: Ambassador Mary T. Invent, reasons 1.4 (b) and (d)

                1. (C) The invented fisheries commission met again on Monday.

                INVENT
                """.formatted(serial);
    }

    /** The same cable, routed as itself. */
    static String whole(String serial) {
        return mixed(serial).replace("DE RUEHVL #0412/01", "DE RUEHRK #0" + serial + "/01")
                .replace("FM AMEMBASSY VALLETTA", "FM AMEMBASSY REYKJAVIK");
    }

    private static long found(String q) {
        return given().auth().preemptive().basic("admin", "demo").queryParam("q", q).get("/api/cables")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void aSingleIngestIsRefusedWith422NamingBothCablesAndNothingIsStored() {
        given().auth().preemptive().basic("reviewer", "demo").contentType("text/plain; charset=UTF-8")
                .body(mixed("187").getBytes(StandardCharsets.UTF_8)).post("/api/cables")
                .then().statusCode(422)
                .body("message", allOf(containsString("mixed identity"), containsString("AMEMBASSY VALLETTA"),
                        containsString("412"), containsString("REYKJAVIK"), containsString("187")));
        assertThat(found("09REYKJAVIK187")).isZero();
        assertThat(found("09VALLETTA412")).isZero();
    }

    @Test
    void aZipUploadReportsTheMixedFileNamingBothAndStoresTheOthers() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("mixed.txt"));
            zip.write(mixed("188").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("whole.txt"));
            zip.write(whole("189").getBytes(StandardCharsets.UTF_8));
        }
        given().auth().preemptive().basic("admin", "demo").contentType("application/zip").body(bytes.toByteArray())
                .post("/api/cables/bulk").then().statusCode(200)
                .body("created", equalTo(1))
                .body("failed", equalTo(1))
                .body("items.find { it.file == 'mixed.txt' }.httpStatus", equalTo(422))
                .body("items.find { it.file == 'mixed.txt' }.message", allOf(containsString("AMEMBASSY VALLETTA"),
                        containsString("412"), containsString("REYKJAVIK"), containsString("188")))
                .body("items.find { it.file == 'whole.txt' }.reference", equalTo("09REYKJAVIK189"));
        assertThat(found("09REYKJAVIK188")).isZero();
    }

    @Test
    void aBulkImportQuarantinesTheMixedFileWithAReasonNamingBoth() throws IOException {
        Path dir = Files.createTempDirectory("mixed-identity");
        Files.writeString(dir.resolve("mixed.txt"), mixed("190"));
        Files.writeString(dir.resolve("whole.txt"), whole("191"));

        ImportSummary s = importer.run(ImportSource.of(dir, 10),
                new BulkImporter.Options("system:test-mixed", "SYSTEM", null, null, 0));
        assertThat(s.created()).isEqualTo(1);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.failuresByReason()).containsEntry("mixed identity", 1L);
        assertThat(s.quarantine()).isNotNull();
        Path q = Path.of(s.quarantine());
        List<Path> reasons;
        try (Stream<Path> files = Files.list(q)) {
            reasons = files.filter(p -> p.getFileName().toString().endsWith(".reason")).toList();
        }
        assertThat(reasons).hasSize(1);
        assertThat(Files.readString(reasons.get(0))).contains("mixed.txt", "422", "AMEMBASSY VALLETTA", "412",
                "REYKJAVIK", "190");
        Path copy = Path.of(reasons.get(0).toString().replaceFirst("\\.reason$", ""));
        assertThat(Files.readString(copy)).isEqualTo(mixed("190"));
        assertThat(found("09REYKJAVIK190")).isZero();
        assertThat(found("09REYKJAVIK191")).isEqualTo(1);
    }
}
