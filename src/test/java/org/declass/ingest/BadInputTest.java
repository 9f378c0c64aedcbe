package org.declass.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx naming the problem, stores nothing, and the server stays up. */
@QuarkusTest
class BadInputTest {

    private static RequestSpecification asReviewer() {
        return given().auth().preemptive().basic("reviewer", "demo");
    }

    private static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin", "demo");
    }

    private static int cableCount() {
        return asAdmin().get("/api/cables?size=1").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    private void assertRejected(byte[] body, int status, String messagePart) {
        int before = cableCount();
        asReviewer().contentType("text/plain").body(body).post("/api/cables")
                .then().statusCode(status).body("message", containsString(messagePart));
        assertThat(cableCount()).as("nothing stored").isEqualTo(before);
        asReviewer().get("/api/cables?size=1").then().statusCode(200);
    }

    @Test
    void anEmptyBodyIsRefusedAsEmpty() {
        assertRejected(new byte[0], 400, "empty");
    }

    @Test
    void binaryDataIsRefusedAsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        assertRejected(png, 415, "binary");
    }

    @Test
    void invalidUtf8IsRefusedWithTheOffset() {
        byte[] text = CableFixtures.confidentialCable("3301", "MARKER-UTF8").getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(text, text.length);
        bad[200] = (byte) 0xC3;
        bad[201] = (byte) 0x28;
        assertRejected(bad, 400, "not valid UTF-8");
    }

    @Test
    void aFiftyMegabyteBodyIsRefusedAsTooLarge() {
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) 'A');
        assertRejected(big, 413, "over the limit");
    }

    @Test
    void aTextWithNoCableStructureIsRefusedAsNotACable() {
        assertRejected("Preheat the oven to 180 degrees. Mix flour, sugar and eggs.\nBake for 40 minutes.\n"
                .getBytes(StandardCharsets.UTF_8), 422, "not a cable");
    }

    @Test
    void aZipBombIsRefusedBeforeAnythingIsStored() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("01-good.txt"));
            zip.write(CableFixtures.confidentialCable("3302", "MARKER-BOMB-GOOD").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("02-bomb.txt"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        int before = cableCount();
        asAdmin().contentType("application/zip").body(bytes.toByteArray()).post("/api/cables/bulk")
                .then().statusCode(413).body("message", containsString("zip bomb"));
        assertThat(cableCount()).isEqualTo(before);
    }

    @Test
    void aZipImportReportsEachFileAndAFailureDoesNotStopTheOthers() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write(CableFixtures.confidentialCable("3303", "MARKER-ZIP-A").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("b.txt"));
            zip.write("just some words, no cable".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("c.txt"));
            zip.write(CableFixtures.confidentialCable("3304", "MARKER-ZIP-C").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("notes.pdf"));
            zip.write(new byte[]{1, 2, 3});
        }
        asAdmin().contentType("application/zip").body(bytes.toByteArray()).post("/api/cables/bulk")
                .then().statusCode(200)
                .body("files", org.hamcrest.Matchers.equalTo(4))
                .body("created", org.hamcrest.Matchers.equalTo(2))
                .body("failed", org.hamcrest.Matchers.equalTo(1))
                .body("items.find { it.file == 'b.txt' }.message", containsString("not a cable"))
                .body("items.find { it.file == 'notes.pdf' }.status", org.hamcrest.Matchers.equalTo("SKIPPED"));
    }

    @Test
    void aBulkUploadThatIsNotAZipIsRefused() {
        asAdmin().contentType("application/zip").body("hello".getBytes(StandardCharsets.UTF_8))
                .post("/api/cables/bulk").then().statusCode(400).body("message", containsString("zip"));
    }

    @Test
    void onlyAdministratorsMayBulkImport() {
        asReviewer().contentType("application/zip").body(new byte[]{1}).post("/api/cables/bulk")
                .then().statusCode(403);
    }

    @Test
    void aBadDateHintIsNamed() {
        asReviewer().contentType("text/plain").queryParam("date", "21/11/2005")
                .body(CableFixtures.confidentialCable("3305", "X").getBytes(StandardCharsets.UTF_8))
                .post("/api/cables").then().statusCode(400).body("message", containsString("ISO date"));
    }
}
