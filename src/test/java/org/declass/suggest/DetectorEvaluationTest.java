package org.declass.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Measures the detectors on the labelled evaluation set (src/test/resources/suggest/eval, see its README) and prints
 * precision and recall per kind. A detection matches a label of the same kind when they overlap by at least half of
 * each (so "Joseph Camilleri-Vella" matches the label "Deputy Director Joseph Camilleri-Vella"); each label is
 * matched at most once. Exact matches are counted too. The whole cable text is given to the detectors as one
 * portion, header and signature included, which is harder than the product's paragraphs.
 */
class DetectorEvaluationTest {

    static final Path SET = Path.of("src/test/resources/suggest/eval");
    static final Pattern LABEL = Pattern.compile("\\{\\{(NAME|SOURCE|PHONE|EMAIL|ID)\\|(.*?)\\}\\}", Pattern.DOTALL);

    record Span(String file, Kind kind, int start, int end, String text) {
    }

    record Labelled(String file, String text, List<Span> truth) {
    }

    static Labelled read(Path file) throws IOException {
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        List<Span> truth = new ArrayList<>();
        Matcher m = LABEL.matcher(raw);
        int at = 0;
        while (m.find()) {
            text.append(raw, at, m.start());
            int start = text.length();
            text.append(m.group(2));
            Kind kind = m.group(1).equals("ID") ? Kind.IDENTITY_NUMBER : Kind.valueOf(m.group(1));
            truth.add(new Span(file.getFileName().toString(), kind, start, text.length(), m.group(2)));
            at = m.end();
        }
        text.append(raw.substring(at));
        return new Labelled(file.getFileName().toString(), text.toString(), truth);
    }

    static boolean matches(Span truth, Detection d) {
        int overlap = Math.min(truth.end(), d.end()) - Math.max(truth.start(), d.start());
        return truth.kind() == d.kind() && overlap * 2 >= truth.end() - truth.start() && overlap * 2 >= d.length();
    }

    static final class Tally {
        int truth;
        int found;
        int matched;
        int exact;
        final List<String> missed = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();

        double precision() {
            return found == 0 ? 1 : (double) matched / found;
        }

        double recall() {
            return truth == 0 ? 1 : (double) matched / truth;
        }
    }

    @Test
    void theDetectorsMeetTheirTargetsOnTheLabelledSet() throws IOException {
        List<Labelled> set = new ArrayList<>();
        try (Stream<Path> files = Files.list(SET)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                set.add(read(f));
            }
        }
        assertThat(set).as("cables in the evaluation set").hasSizeGreaterThanOrEqualTo(30);
        Detectors detectors = new Detectors();
        Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            tallies.put(k, new Tally());
        }
        long started = System.nanoTime();
        int chars = 0;
        for (Labelled cable : set) {
            chars += cable.text().length();
            List<Detection> found = detectors.find(cable.text());
            boolean[] used = new boolean[found.size()];
            for (Span t : cable.truth()) {
                Tally tally = tallies.get(t.kind());
                tally.truth++;
                boolean hit = false;
                for (int i = 0; i < found.size() && !hit; i++) {
                    if (!used[i] && matches(t, found.get(i))) {
                        used[i] = true;
                        hit = true;
                        tally.matched++;
                        if (found.get(i).start() == t.start() && found.get(i).end() == t.end()) {
                            tally.exact++;
                        }
                    }
                }
                if (!hit) {
                    tally.missed.add(cable.file() + ": " + oneLine(t.text()));
                }
            }
            for (int i = 0; i < found.size(); i++) {
                Detection d = found.get(i);
                tallies.get(d.kind()).found++;
                if (!used[i]) {
                    tallies.get(d.kind()).wrong.add(cable.file() + ": " + oneLine(cable.text().substring(d.start(),
                            d.end())) + " (" + d.why() + ")");
                }
            }
        }
        long micros = (System.nanoTime() - started) / 1000;
        StringBuilder report = new StringBuilder("\nDetector evaluation: " + set.size() + " cables, " + chars
                + " characters, " + micros / 1000 + " ms\n");
        report.append(String.format(Locale.ROOT, "%-16s %6s %6s %6s %6s %10s %8s%n", "kind", "truth", "found",
                "match", "exact", "precision", "recall"));
        int truth = 0;
        int found = 0;
        int matched = 0;
        for (Map.Entry<Kind, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            truth += t.truth;
            found += t.found;
            matched += t.matched;
            report.append(String.format(Locale.ROOT, "%-16s %6d %6d %6d %6d %9.1f%% %7.1f%%%n", e.getKey(), t.truth,
                    t.found, t.matched, t.exact, 100 * t.precision(), 100 * t.recall()));
        }
        report.append(String.format(Locale.ROOT, "%-16s %6d %6d %6d %6s %9.1f%% %7.1f%%%n", "all", truth, found,
                matched, "", 100.0 * matched / found, 100.0 * matched / truth));
        tallies.forEach((k, t) -> {
            t.missed.forEach(m -> report.append("  missed ").append(k).append(": ").append(m).append('\n'));
            t.wrong.forEach(w -> report.append("  wrong  ").append(k).append(": ").append(w).append('\n'));
        });
        System.out.println(report);

        assertThat(tallies.get(Kind.NAME).recall()).as("recall of names").isGreaterThanOrEqualTo(0.95);
        assertThat(tallies.get(Kind.PHONE).recall()).as("recall of phone numbers").isGreaterThanOrEqualTo(0.99);
        assertThat(tallies.get(Kind.EMAIL).recall()).as("recall of e-mail addresses").isGreaterThanOrEqualTo(0.99);
        for (Kind k : Kind.values()) {
            assertThat(tallies.get(k).precision()).as("precision of " + k).isGreaterThanOrEqualTo(0.80);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
