package org.declass.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The request id: the caller's X-Request-Id when well-formed, else a new one; on the response, on every log line
 * written while the request runs (also in the JSON log) and on the request's audit entries.
 */
@QuarkusTest
class RequestIdLogTest {

    static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** Keeps the records logged under org.declass, with a copy of the MDC taken on the thread that logged them. */
    static final class Captured extends Handler {
        final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            ExtLogRecord r = (ExtLogRecord) record;
            r.copyMdc();
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void everyLineLoggedWhileARequestRunsCarriesItsIdAlsoInTheJsonLog() throws Exception {
        Logger logger = Logger.getLogger("org.declass");
        Captured captured = new Captured();
        logger.addHandler(captured);
        try {
            String id = UUID.randomUUID().toString();
            given().auth().preemptive().basic("admin", "demo").header("X-Request-Id", id)
                    .post("/api/release/sweep").then().statusCode(200).header("X-Request-Id", id);
            Logger.getLogger("org.declass.metrics").info("a line outside any request");

            List<ExtLogRecord> sweep = captured.records.stream()
                    .filter(r -> r.getFormattedMessage().startsWith("release sweep (admin")).toList();
            assertThat(sweep).isNotEmpty().allSatisfy(r -> assertThat(r.getMdc(RequestIds.MDC_KEY)).isEqualTo(id));
            JsonNode line = new ObjectMapper().readTree(new JsonFormatter().format(sweep.get(0)));
            assertThat(line.path("message").asText()).startsWith("release sweep (admin");
            assertThat(line.path("mdc").path("requestId").asText()).isEqualTo(id);

            assertThat(captured.records).filteredOn(r -> r.getFormattedMessage().equals("a line outside any request"))
                    .singleElement().satisfies(r -> assertThat(r.getMdc(RequestIds.MDC_KEY)).isNull());
        } finally {
            logger.removeHandler(captured);
        }
    }

    @Test
    void aWellFormedIdFromTheCallerOrFromNginxIsKeptInLowerCase() {
        String uuid = UUID.randomUUID().toString();
        String nginx = UUID.randomUUID().toString().replace("-", "");
        for (String sent : List.of(uuid, uuid.toUpperCase(), nginx, nginx.toUpperCase())) {
            given().get("/q/health/live").then().statusCode(200).header("X-Request-Id", matches(UUID_TEXT));
            String returned = given().header("X-Request-Id", sent).get("/q/health/live").then().statusCode(200)
                    .extract().header("X-Request-Id");
            assertThat(returned).as(sent).isEqualTo(sent.toLowerCase());
        }
    }

    @Test
    void aMalformedIdIsReplacedByANewOneOnEveryAnswerRefusalsIncluded() {
        for (String sent : List.of("not-an-id", "x\" injected=\"1", "0123456789abcdef0123456789abcdef0",
                "12345678-1234-1234-1234-1234567890ab-extra")) {
            for (String path : List.of("/api/cables", "/api/cables/%00", "/q/health/live")) {
                String returned = given().redirects().follow(false).urlEncodingEnabled(false)
                        .header("X-Request-Id", sent).get(path).then().extract().header("X-Request-Id");
                assertThat(returned).as(sent + " " + path).matches(UUID_TEXT).isNotEqualTo(sent);
            }
        }
    }

    @Test
    void theAuditEntryOfARequestHoldsTheIdItsResponseNames() {
        String returned = given().auth().preemptive().basic("auditor2", "demo").get("/api/audit?size=1").then()
                .statusCode(200).extract().header("X-Request-Id");
        String recorded = given().auth().preemptive().basic("auditor", "demo")
                .get("/api/audit?user=auditor2&action=AUDIT_QUERIED&size=1").then().statusCode(200).extract()
                .jsonPath().getString("items[0].requestId");
        assertThat(returned).matches(UUID_TEXT).isEqualTo(recorded);
    }

    private static org.hamcrest.Matcher<String> matches(String regex) {
        return org.hamcrest.Matchers.matchesPattern(regex);
    }
}
