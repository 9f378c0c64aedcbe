package org.declass.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The monitoring files of deploy/monitoring, read: the dashboard's panels and their queries, the alert rules and the
 * Prometheus sample; and the metric names a PromQL expression uses.
 */
final class MonitoringFiles {

    static final Path DIR = Path.of("deploy/monitoring");
    static final Path DASHBOARD = DIR.resolve("declass-dashboard.json");
    static final Path ALERTS = DIR.resolve("declass-alerts.yml");
    static final Path PROMETHEUS = DIR.resolve("prometheus.yml");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private MonitoringFiles() {
    }

    /** Panel title to its queries, for every panel that is not a row (rows' own panels included). */
    static Map<String, List<String>> dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode panel : allPanels(dashboard.path("panels"))) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            List<String> exprs = new ArrayList<>();
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
            out.put(panel.path("title").asText(), exprs);
        }
        return out;
    }

    private static List<JsonNode> allPanels(JsonNode panels) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : panels) {
            out.add(p);
            out.addAll(allPanels(p.path("panels")));
        }
        return out;
    }

    /** Alert name to its expression. */
    static Map<String, String> alertRules() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(ALERTS.toFile());
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                out.put(rule.path("alert").asText(), rule.path("expr").asText());
            }
        }
        return out;
    }

    static JsonNode prometheus() throws IOException {
        return new YAMLMapper().readTree(PROMETHEUS.toFile());
    }

    /** The metric names a PromQL expression selects: not its functions, keywords, labels, values or durations. */
    static Set<String> metricNames(String promql) {
        String s = STRING.matcher(promql).replaceAll("\"\"");
        s = s.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> out = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String name = m.group();
            int after = m.end();
            while (after < s.length() && s.charAt(after) == ' ') {
                after++;
            }
            boolean function = after < s.length() && s.charAt(after) == '(';
            if (!function && !KEYWORDS.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Every metric name the dashboard and the alert rules use. */
    static Set<String> allMetricNames() throws IOException {
        Set<String> out = new TreeSet<>();
        dashboardQueries().values().forEach(list -> list.forEach(e -> out.addAll(metricNames(e))));
        alertRules().values().forEach(e -> out.addAll(metricNames(e)));
        return out;
    }
}
