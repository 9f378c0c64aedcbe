package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every form of every template that posts carries the CSRF token field. */
class FormTokenTest {

    static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL
            | Pattern.CASE_INSENSITIVE);
    static final Pattern POST = Pattern.compile("method\\s*=\\s*\"?post\"?", Pattern.CASE_INSENSITIVE);
    static final String FIELD = "<input type=\"hidden\" name=\"_csrf\" value=\"{inject:csrf.token}\">";

    @Test
    void everyFormThatPostsCarriesTheTokenField() throws IOException {
        List<String> missing = new ArrayList<>();
        int posting = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = FORM.matcher(Files.readString(file));
                while (m.find()) {
                    if (POST.matcher(m.group(1)).find()) {
                        posting++;
                        if (!m.group(2).contains(FIELD)) {
                            missing.add(file + ": <form" + m.group(1) + ">");
                        }
                    }
                }
            }
        }
        assertThat(posting).as("forms that post").isGreaterThan(15);
        assertThat(missing).as("forms that post without the _csrf field").isEmpty();
    }

    @Test
    void noButtonTurnsAFormIntoAPostBehindItsBack() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContainIgnoringCase("formmethod");
            }
        }
    }
}
