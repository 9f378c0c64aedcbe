package org.declass.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One placeholder source: the texts that stand in for something withheld ("[withheld: (S) portion]",
 * "[REDACTED 25X1]", "[WITHHELD IN FULL ...]", "subject withheld") are written only in
 * {@code redaction.Placeholders}. Code and templates elsewhere take them from there (through
 * {@code security.Disclosure} or the redactor), so that no output invents its own, and no renderer recognises one
 * by its text.
 */
class PlaceholderSourceTest {

    /** A placeholder text in a string literal or in template markup (not in a comment's prose). */
    static final Pattern PLACEHOLDER = Pattern.compile("\"[^\"\\n]*(\\[withheld|\\[REDACTED|\\[WITHHELD|withheld\\]"
            + "|subject withheld)[^\"\\n]*\"|'[^'\\n]*(\\[withheld|\\[REDACTED|\\[WITHHELD|subject withheld)[^'\\n]*'"
            + "|>[^<\\n]*(\\[withheld|\\[REDACTED|\\[WITHHELD|subject withheld)[^<\\n]*<",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noSourceOrTemplateOutsideRedactionPlaceholdersWritesAPlaceholderText() throws IOException {
        Path owner = Path.of("src/main/java/org/declass/redaction/Placeholders.java");
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources/templates"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.equals(owner)).toList()) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).trim();
                        if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                            continue; // documentation may name a placeholder
                        }
                        if (PLACEHOLDER.matcher(lines.get(i)).find()) {
                            found.add(f + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(found).as("placeholder texts written outside redaction.Placeholders").isEmpty();
    }

    @Test
    void theScanRecognisesAPlaceholderWrittenInCodeOrInATemplate() {
        assertThat(PLACEHOLDER.matcher("return \"[subject withheld]\";").find()).isTrue();
        assertThat(PLACEHOLDER.matcher("x = \"[withheld: (\" + mark + \") portion]\";").find()).isTrue();
        assertThat(PLACEHOLDER.matcher("{i.subject ?: '[subject withheld]'}").find()).isTrue();
        assertThat(PLACEHOLDER.matcher("<span>subject withheld</span>").find()).isTrue();
        assertThat(PLACEHOLDER.matcher("String s = placeholder(c);").find()).isFalse();
    }
}
