package org.declass.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.declass.audit.AuditTrail;
import org.declass.ingest.BulkImporter;
import org.declass.ingest.ImportSource;
import org.declass.ingest.ImportSummary;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics: served on the management interface only, never on the reading-room port; the meters an operator
 * watches are there with values that follow what the application did; and no label holds cable text, a reference
 * or an id, whatever a caller puts into a path or a query.
 */
@QuarkusTest
class MetricsEndpointTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Inject
    AuditTrail trail;

    @Inject
    BulkImporter importer;

    Scrape scrape() {
        return Scrape.of(given().get(metrics).then().statusCode(200).extract().asString());
    }

    @Test
    void theMetricsAreServedOnTheManagementPortAndNeverOnTheReadingRoomPort() {
        Response onManagement = given().get(metrics);
        assertThat(onManagement.statusCode()).isEqualTo(200);
        // the Prometheus text format, or OpenMetrics when the scraper asks for it (as Prometheus does)
        assertThat(onManagement.contentType()).matches("(text/plain|application/openmetrics-text).*");
        assertThat(onManagement.asString()).contains("# TYPE http_server_requests_seconds histogram");
        assertThat(metrics.getPort()).isNotEqualTo(io.restassured.RestAssured.port);

        Response anonymous = given().redirects().follow(false).get("/q/metrics");
        assertThat(anonymous.statusCode()).isIn(302, 401, 404);
        assertThat(anonymous.asString()).doesNotContain("# TYPE");
        for (String user : List.of("admin", "auditor", "reviewer")) {
            Response signedIn = given().auth().preemptive().basic(user, "demo").get("/q/metrics");
            assertThat(signedIn.statusCode()).as(user).isEqualTo(404);
            assertThat(signedIn.asString()).as(user).doesNotContain("# TYPE");
        }
    }

    @Test
    void theManagementInterfaceListensOnTheLoopbackAddressOnly() throws IOException {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(others::add);
            }
        }
        Assumptions.assumeFalse(others.isEmpty(), "this machine has no address but the loopback one");
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress("127.0.0.1", metrics.getPort()), 2_000);
        }
        for (InetAddress address : others) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, metrics.getPort()), 2_000);
                throw new AssertionError("the metrics port answers on " + address);
            } catch (IOException refused) {
                // expected: nothing listens there
            }
        }
    }

    @Test
    void requestsAreCountedPerRouteTemplateWithLatencyBuckets() {
        String id = given().auth().preemptive().basic("admin", "demo").get("/api/cables?size=1").then()
                .statusCode(200).extract().jsonPath().getString("items[0].id");
        Map<String, String> route = Map.of("uri", "/api/cables/{id}", "method", "GET", "status", "200");
        double before = scrape().sum("http_server_requests_seconds_count", route);
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + id).then().statusCode(200);
        }
        Scrape after = scrape();
        assertThat(after.sum("http_server_requests_seconds_count", route) - before).isEqualTo(3.0);
        assertThat(after.sum("http_server_requests_seconds_sum", route)).isPositive();
        List<Scrape.Sample> buckets = after.find("http_server_requests_seconds_bucket",
                l -> l.entrySet().containsAll(route.entrySet()));
        assertThat(buckets).extracting(s -> s.labels().get("le"))
                .contains("0.005", "0.025", "0.05", "0.1", "0.5", "1.0", "10.0", "+Inf");
        assertThat(buckets).filteredOn(s -> s.labels().get("le").equals("+Inf")).singleElement()
                .extracting(Scrape.Sample::value).isEqualTo(after.sum("http_server_requests_seconds_count", route));
    }

    @Test
    void noLabelHoldsCableTextAReferenceOrAnId() {
        String marker = "zqmetricmarker" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String serial = String.valueOf(ThreadLocalRandom.current().nextInt(10_000, 99_999));
        long id = given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(CableFixtures.confidentialCable(serial, marker).getBytes(StandardCharsets.UTF_8))
                .post("/api/cables").then().statusCode(201).extract().jsonPath().getLong("id");
        String reference = given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + id).then()
                .statusCode(200).extract().jsonPath().getString("reference");
        assertThat(reference).contains(serial);
        String unknownId = String.valueOf(900_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));

        // signed in, anonymous, refused before any endpoint, with the id, the reference and the text in the path or
        // the query
        given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + id + "/original").then()
                .statusCode(200);
        given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + unknownId).then().statusCode(404);
        given().auth().preemptive().basic("admin", "demo").queryParam("q", marker).get("/api/cables").then()
                .statusCode(200);
        given().auth().preemptive().basic("admin", "demo").get("/cables/" + id + "/view").then();
        given().redirects().follow(false).get("/api/cables/" + id).then().statusCode(401);
        given().redirects().follow(false).get("/api/cables/" + marker).then();
        given().redirects().follow(false).get("/api/" + marker + "/" + unknownId).then();
        given().redirects().follow(false).get("/reading-room/" + reference).then();
        given().redirects().follow(false).get("/reading-room/" + marker + "?q=" + marker).then();
        given().redirects().follow(false).get("/" + marker).then();
        given().redirects().follow(false).urlEncodingEnabled(false).get("/api/cables/" + marker + "%00").then()
                .statusCode(400);
        given().redirects().follow(false).header("Origin", "https://elsewhere.example").contentType("text/plain")
                .body(marker).post("/api/cables/" + id + "/claim").then();
        given().auth().preemptive().basic("admin", "demo").redirects().follow(false)
                .header("Origin", "https://elsewhere.example").post("/review/" + id + "/" + marker).then();

        Scrape after = scrape();
        Set<String> routes = new TreeSet<>();
        for (Scrape.Sample s : after.samples()) {
            assertThat(s.labelText()).as(s.name()).doesNotContain(marker).doesNotContain(reference)
                    .doesNotContain(serial).doesNotContain("/" + id).doesNotContain(unknownId);
            if (s.labels().containsKey("uri")) {
                routes.add(s.labels().get("uri"));
            }
        }
        assertThat(routes).contains("/api/cables/{id}", "/api/cables/{id}/original", "UNKNOWN")
                .allSatisfy(uri -> assertThat(uri).matches("UNKNOWN|NOT_FOUND|REDIRECTION|root|/[a-z0-9{}/._:|-]*"));
    }

    @Test
    void aFailedSignInIsCountedByMechanismWithoutTheNameTried() throws Exception {
        String name = "nobody" + ThreadLocalRandom.current().nextInt(1_000_000);
        Map<String, String> basicFailed = Map.of("mechanism", "basic", "outcome", "failed");
        double before = scrape().value("declass_signin_failures_total", basicFailed);
        given().auth().preemptive().basic(name, "wrong").get("/api/cables?size=1").then().statusCode(401);
        Scrape after = awaitScrape(s -> s.value("declass_signin_failures_total", basicFailed) >= before + 1);
        assertThat(after.value("declass_signin_failures_total", basicFailed)).isEqualTo(before + 1);
        assertThat(after.text()).doesNotContain(name);
    }

    @Test
    void aReleaseSweepIsTimedAndItsCountsAreExposed() {
        double runs = scrape().value("declass_release_sweep_seconds_count", Map.of("outcome", "success"));
        long startedAt = System.currentTimeMillis();
        var report = given().auth().preemptive().basic("admin", "demo").post("/api/release/sweep").then()
                .statusCode(200).extract().jsonPath();
        Scrape after = scrape();
        assertThat(after.value("declass_release_sweep_seconds_count", Map.of("outcome", "success")))
                .isEqualTo(runs + 1);
        assertThat(after.value("declass_release_sweep_seconds_count", Map.of("outcome", "failure"))).isZero();
        assertThat(after.value("declass_release_sweep_last_success_timestamp_seconds", Map.of()) * 1000)
                .isBetween(startedAt - 1_000.0, System.currentTimeMillis() + 1_000.0);
        for (String reason : ReleaseMeters.REASONS) {
            assertThat(after.value("declass_release_sweep_skipped", Map.of("reason", reason))).as(reason)
                    .isEqualTo(report.getLong("skipped." + reason));
        }
        assertThat(after.value("declass_release_sweep_released_total", Map.of()))
                .isGreaterThanOrEqualTo(report.getList("released").size());
    }

    @Test
    void aBulkImportCountsWhatItCreatedAndQuarantined() throws Exception {
        Path dir = Files.createTempDirectory("metrics-import");
        int serial = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        Files.writeString(dir.resolve("a.txt"), CableFixtures.unclassifiedCable(String.valueOf(serial), "alpha"));
        Files.writeString(dir.resolve("b.txt"), CableFixtures.unclassifiedCable(String.valueOf(serial + 1), "beta"));
        Files.writeString(dir.resolve("c.txt"), "not a cable at all");
        Scrape before = scrape();
        ImportSummary summary = importer.run(ImportSource.of(dir, 100),
                new BulkImporter.Options("system:test-import", "SYSTEM", null, null, 0));
        assertThat(summary.created()).isEqualTo(2);
        Scrape after = scrape();
        assertThat(after.value("declass_import_cables_total", Map.of("result", "created"))
                - before.value("declass_import_cables_total", Map.of("result", "created"))).isEqualTo(2.0);
        assertThat(after.value("declass_import_cables_total", Map.of("result", "failed"))
                - before.value("declass_import_cables_total", Map.of("result", "failed"))).isEqualTo(summary.failed());
        assertThat(after.value("declass_import_quarantined_total", Map.of())
                - before.value("declass_import_quarantined_total", Map.of())).isEqualTo(summary.failed());
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(after.value("declass_import_seconds_count", Map.of())
                - before.value("declass_import_seconds_count", Map.of())).isEqualTo(1.0);
        assertThat(after.value("declass_import_running", Map.of())).isZero();
    }

    @Test
    void theAuditChainGaugesFollowTheChainAndItsCheckpoints() {
        trail.checkpoint();
        Scrape signed = scrape();
        double entries = signed.value("declass_audit_chain_entries", Map.of());
        assertThat(entries).isPositive();
        assertThat(signed.value("declass_audit_unsigned_entries", Map.of())).isZero();
        assertThat(signed.value("declass_audit_checkpoint_age_seconds", Map.of())).isBetween(0.0, 60.0);

        // reading the trail is itself audited: one entry more, not yet signed
        given().auth().preemptive().basic("auditor", "demo").get("/api/audit?size=1").then().statusCode(200);
        Scrape after = scrape();
        assertThat(after.value("declass_audit_chain_entries", Map.of())).isGreaterThan(entries);
        assertThat(after.value("declass_audit_unsigned_entries", Map.of()))
                .isEqualTo(after.value("declass_audit_chain_entries", Map.of()) - entries);
    }

    @Test
    void theDatabasePoolIsMeasured() {
        Scrape s = scrape();
        for (String name : List.of("agroal_active_count", "agroal_available_count", "agroal_awaiting_count",
                "agroal_max_used_count", "agroal_blocking_time_max_milliseconds")) {
            assertThat(s.find(name, l -> "default".equals(l.get("datasource")))).as(name).hasSize(1);
        }
        assertThat(s.value("agroal_max_used_count", Map.of("datasource", "default"))).isPositive();
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsUseIsExposed() throws Exception {
        // the sweep's last-success gauge appears with the first sweep
        given().auth().preemptive().basic("admin", "demo").post("/api/release/sweep").then().statusCode(200);
        Set<String> exposed = scrape().names();
        Set<String> used = MonitoringFiles.allMetricNames();
        assertThat(used).hasSizeGreaterThan(10);
        assertThat(exposed).containsAll(used);
    }

    private Scrape awaitScrape(java.util.function.Predicate<Scrape> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Scrape s = scrape();
        while (!done.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            s = scrape();
        }
        return s;
    }
}
