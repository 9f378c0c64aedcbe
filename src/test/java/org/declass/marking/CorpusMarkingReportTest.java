package org.declass.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.declass.ingest.MarkingInput;
import org.declass.ingest.parser.CableParser;
import org.declass.ingest.parser.ParseHints;
import org.declass.ingest.parser.ParseResult;
import org.junit.jupiter.api.Test;

/**
 * Runs the validator over the real corpus (never copied into the project) and prints the findings per rule as one
 * block: {@code RULES R-LVL-1=E:n/W:n/I:n ...}. Set -Ddeclass.corpus.errors=true to list every ERROR finding.
 * Skips, saying so, when the corpus is absent.
 */
class CorpusMarkingReportTest {

    static Path corpusDir() {
        String prop = System.getProperty("declass.corpus.dir");
        return prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("../shared/corpus/cables");
    }

    @Test
    void everyCorpusCableIsValidatedAndTheCountsPerRuleArePrinted() throws IOException {
        Path dir = corpusDir();
        if (!Files.isRegularFile(dir.resolve("metadata.csv"))) {
            System.out.println("RULES skipped: no corpus at " + dir.toAbsolutePath());
            return;
        }
        CableParser parser = new CableParser();
        MarkingValidator validator = new MarkingValidator();
        Map<String, int[]> counts = new TreeMap<>();
        for (MarkingRule r : MarkingRules.all()) {
            counts.put(r.id(), new int[3]);
        }
        List<String> errors = new ArrayList<>();
        int cables = 0;
        List<String> lines = Files.readAllLines(dir.resolve("metadata.csv"), StandardCharsets.UTF_8);
        for (String l : lines.subList(1, lines.size())) {
            if (l.isBlank()) {
                continue;
            }
            String[] f = l.split(",");
            String id = f[0];
            String text = Files.readString(dir.resolve(f[f.length - 1]), StandardCharsets.UTF_8);
            ParseResult r = parser.parse(text, new ParseHints(id, null));
            if (!(r instanceof ParseResult.Parsed parsed)) {
                continue;
            }
            cables++;
            for (Finding finding : validator.validate(MarkingInput.of(parsed.cable(), LocalDate.of(2026, 1, 1)))) {
                counts.computeIfAbsent(finding.code(), k -> new int[3])[finding.severity().ordinal()]++;
                if (finding.severity() == Severity.ERROR) {
                    errors.add(id + " " + finding.code() + " line=" + finding.line() + " para=" + finding.paragraph()
                            + " " + finding.message());
                }
            }
        }
        StringBuilder sb = new StringBuilder("RULES cables=").append(cables);
        counts.forEach((code, n) -> sb.append(' ').append(code).append("=E:").append(n[0]).append("/W:").append(n[1])
                .append("/I:").append(n[2]));
        System.out.println(sb);
        if (Boolean.getBoolean("declass.corpus.errors")) {
            errors.forEach(e -> System.out.println("ERROR " + e));
        }
        assertThat(cables).isGreaterThan(290);
    }
}
