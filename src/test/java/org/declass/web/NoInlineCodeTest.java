package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The content security policy ({@link SecurityHeaders#CSP}) allows no inline script or style, so no template may
 * hold one: no script element without src, no style element or attribute, no on... event handler, no javascript:
 * URL. The standalone document view (DocumentViews) is the one exception: its inline stylesheet is allowed by its
 * hash in a policy of its own.
 */
class NoInlineCodeTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path STANDALONE = Path.of("DocumentViews");

    static final List<Pattern> INLINE = List.of(
            Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

    @Test
    void noTemplateHoldsAnInlineScriptStyleOrEventHandler() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (TEMPLATES.relativize(f).startsWith(STANDALONE)) {
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Pattern p : INLINE) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        found.add(TEMPLATES.relativize(f) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theStaticScriptsSetNoInlineStyleOrEvaluateText() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/META-INF/resources/js"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.toString())
                        .doesNotContain("eval(").doesNotContain("new Function(").doesNotContain("setAttribute('style'")
                        .doesNotContain("innerHTML");
            }
        }
    }
}
