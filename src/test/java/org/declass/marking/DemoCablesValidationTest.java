package org.declass.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.declass.ingest.MarkingInput;
import org.declass.ingest.parser.CableParser;
import org.declass.ingest.parser.ParseResult;
import org.declass.ingest.parser.ParsedCable;
import org.junit.jupiter.api.Test;

/**
 * The 30 invented demo cables carry exactly two deliberate marking errors (demo/cables/README.md): the validator
 * finds those two, and no other ERROR.
 */
class DemoCablesValidationTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoCablesValidationTest.class.getClassLoader()
                .getResourceAsStream("demo/cables/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, ParsedCable> demoCables() throws IOException {
        Map<String, ParsedCable> out = new TreeMap<>();
        for (String name : resource("INDEX").lines().map(String::trim).filter(l -> l.endsWith(".txt")).toList()) {
            ParseResult r = new CableParser().parse(resource(name));
            out.put(name.replace(".txt", ""), ((ParseResult.Parsed) r).cable());
        }
        return out;
    }

    @Test
    void theTwoDeliberateMarkingErrorsAreTheOnlyErrors() throws IOException {
        MarkingValidator validator = new MarkingValidator();
        List<String> errors = new ArrayList<>();
        Map<String, ParsedCable> cables = demoCables();
        assertThat(cables).hasSize(30);
        cables.forEach((id, c) -> {
            for (Finding f : validator.validate(MarkingInput.of(c, LocalDate.of(2026, 1, 1)))) {
                if (f.severity() == Severity.ERROR) {
                    errors.add(id + " " + f.code());
                }
            }
        });
        assertThat(errors).containsExactlyInAnyOrder("07QUITO1466 R-LVL-1", "10CHISINAU88 R-CTL-1");
    }

    @Test
    void noDemoCableHasAWrappedReasonLineReadAsAParagraph() throws IOException {
        List<String> stray = new ArrayList<>();
        demoCables().forEach((id, c) -> c.paragraphs().forEach(p -> {
            String t = p.text().strip();
            if (t.matches("(?is)(and\\s*)?\\(?[a-h]\\)?[.,]?|.*\\breasons?\\s+1\\s*\\.\\s*[45].*") && t.length() < 80) {
                stray.add(id + " paragraph " + p.seq() + ": " + t);
            }
        }));
        assertThat(stray).isEmpty();
        ParsedCable baku = demoCables().get("09BAKU944");
        assertThat(baku.paragraphs().get(0).text()).startsWith("Summary");
        assertThat(baku.paragraphs().get(0).marking().banner()).isEqualTo("SECRET//NOFORN");
        assertThat(String.join(" ", baku.reasons())).contains("c").contains("d");
    }

    @Test
    void theFlashCableGetsItsRealYear() throws IOException {
        ParsedCable c = demoCables().get("09STATE18802");
        assertThat(c.reference()).isEqualTo("09STATE18802");
        assertThat(c.date()).isEqualTo(LocalDate.of(2009, 2, 26));
    }

    @Test
    void anEntireTextCableOfTheOadrEraIsNotAnAuthorityBlockError() throws IOException {
        List<Finding> f = new MarkingValidator().validate(
                MarkingInput.of(demoCables().get("92ULAANBAATAR1417"), LocalDate.of(2026, 1, 1)));
        assertThat(f).filteredOn(x -> x.code().equals("R-CAB-1"))
                .allMatch(x -> x.severity() == Severity.WARNING);
        assertThat(f).extracting(Finding::code).doesNotContain("R-LVL-2", "R-EO-6", "R-EO-7");
    }
}
