package org.declass.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * A note written as a spreadsheet formula reaches the CSV export as text (a quote before it), while the stored
 * entry, the JSON Lines export and the chain keep the note exactly as written.
 */
@QuarkusTest
class CsvExportInjectionTest {

    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static long version(long id) {
        return as("admin").get("/api/cables/" + id).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void aFormulaInANoteIsExportedAsTextAndStoredAsWritten() throws IOException {
        long id = given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(CableFixtures.secretCableForReview("8201", "PLAIN-CSV-8201", "MK-CSV-8201")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/cables").then().statusCode(201).extract().jsonPath().getLong("id");
        as("reviewer").body(Map.of("version", version(id))).post("/api/cables/" + id + "/claim").then()
                .statusCode(200);
        as("reviewer").body(Map.of("version", version(id), "paragraph", "1", "start", 0, "end", 5,
                "codes", List.of("25X1"), "note", FORMULA)).post("/api/cables/" + id + "/redactions").then()
                .statusCode(201);

        String csv = given().auth().preemptive().basic("auditor", "demo").get("/api/audit/export.csv?cable=" + id)
                .then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).anySatisfy(r -> assertThat(r.get("note")).isEqualTo("'" + FORMULA));
        for (CSVRecord r : rows) {
            for (String cell : r) {
                assertThat(cell).as("no cell a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@");
            }
        }

        String jsonl = given().auth().preemptive().basic("auditor", "demo")
                .get("/api/audit/export.jsonl?cable=" + id).then().statusCode(200).extract().asString();
        assertThat(jsonl).contains("\"note\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"");
        assertThat(given().auth().preemptive().basic("auditor", "demo").get("/api/audit/verify").then()
                .statusCode(200).extract().jsonPath().getBoolean("ok")).isTrue();
    }
}
