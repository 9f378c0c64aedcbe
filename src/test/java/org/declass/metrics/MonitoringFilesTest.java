package org.declass.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The dashboard, the alert rules and the Prometheus sample in deploy/monitoring parse, and hold what an operator
 * needs. That each metric they use is one the application exposes is checked against a real scrape, in
 * {@link MetricsEndpointTest#everyMetricTheDashboardAndTheAlertsUseIsExposed()}.
 */
class MonitoringFilesTest {

    @Test
    void theMetricNamesOfAnExpressionAreFoundWithoutItsFunctionsLabelsValuesOrDurations() {
        assertThat(MonitoringFiles.metricNames("histogram_quantile(0.95, sum by (le, uri) (rate("
                + "http_server_requests_seconds_bucket{uri!~\"UNKNOWN|a{b}\",instance=~\"$instance\"}[5m]))) > 0.5"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(MonitoringFiles.metricNames("max(declass_audit_checkpoint_age_seconds) > 900 and "
                + "max(declass_audit_unsigned_entries) > 0"))
                .containsExactly("declass_audit_checkpoint_age_seconds", "declass_audit_unsigned_entries");
        assertThat(MonitoringFiles.metricNames("time() - max(x_total offset 1h) > 1e-9 * 60"))
                .containsExactly("x_total");
    }

    @Test
    void theDashboardHasAPanelForEachThingAnOperatorWatches() throws Exception {
        Map<String, List<String>> panels = MonitoringFiles.dashboardQueries();
        assertThat(panels).isNotEmpty();
        panels.forEach((title, queries) -> assertThat(queries).as(title).isNotEmpty().allSatisfy(q ->
                assertThat(MonitoringFiles.metricNames(q)).as(title + ": " + q).isNotEmpty()));
        assertThat(panels.keySet()).contains("Request rate by route", "p95 latency by route", "Error rate (5xx share)",
                "Connections", "Released and failed per hour", "Skipped by the last sweep", "Import speed (cables/s)",
                "Checkpoint age", "Failed sign-ins");
        assertThat(panels.get("p95 latency by route")).singleElement().asString()
                .startsWith("histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket");
        assertThat(panels.get("Error rate (5xx share)").get(0)).contains("status=~\"5..\"");
    }

    @Test
    void theAlertRulesCoverSweepFailuresTheCheckpointAgeTheErrorRateAndTheP95Latency() throws Exception {
        Map<String, String> rules = MonitoringFiles.alertRules();
        assertThat(rules.get("DeclassReleaseSweepFailed")).contains("declass_release_sweep_seconds_count")
                .contains("outcome=\"failure\"");
        assertThat(rules.get("DeclassAuditCheckpointStale")).contains("declass_audit_checkpoint_age_seconds")
                .contains("declass_audit_unsigned_entries");
        assertThat(rules.get("DeclassHighErrorRate")).contains("status=~\"5..\"");
        assertThat(rules.get("DeclassSlowRequests")).startsWith("histogram_quantile(0.95,");
        rules.forEach((name, expr) -> assertThat(MonitoringFiles.metricNames(expr)).as(name).isNotEmpty());
    }

    @Test
    void thePrometheusSampleScrapesTheManagementPortAndLoadsTheRules() throws Exception {
        JsonNode prometheus = MonitoringFiles.prometheus();
        List<String> ruleFiles = new ArrayList<>();
        prometheus.path("rule_files").forEach(f -> ruleFiles.add(f.asText()));
        assertThat(ruleFiles).containsExactly(MonitoringFiles.ALERTS.getFileName().toString());
        assertThat(Files.isRegularFile(MonitoringFiles.DIR.resolve(ruleFiles.get(0)))).isTrue();
        JsonNode job = prometheus.path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
        List<String> targets = new ArrayList<>();
        job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        assertThat(targets).isNotEmpty().allSatisfy(t -> assertThat(t).endsWith(":9000"));
    }
}
