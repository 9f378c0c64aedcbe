package org.declass.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void aSpanIsReplacedByAPlaceholderNamingItsCodes() {
        ReleasableText out = Redactor.release("The source SECRETNAME met poloff.", false, List.of(),
                List.of(new RedactionSpan(11, 21, List.of("(b)(1)", "25X1"))));
        assertThat(out.plain()).isEqualTo("The source [REDACTED (b)(1) 25X1] met poloff.");
    }

    @Test
    void secretsOfDifferentLengthsGiveIdenticalOutput() {
        Random random = new Random(42);
        String expected = null;
        for (int i = 0; i < 200; i++) {
            int len = 1 + random.nextInt(300);
            StringBuilder secret = new StringBuilder();
            for (int k = 0; k < len; k++) {
                secret.append((char) ('a' + random.nextInt(26)));
            }
            String text = "Before " + secret + " after.";
            String out = Redactor.release(text, false, List.of(),
                    List.of(new RedactionSpan(7, 7 + len, List.of("25X6")))).plain();
            assertThat(out).doesNotContain(secret);
            if (expected == null) {
                expected = out;
            }
            assertThat(out).isEqualTo(expected);
        }
    }

    @Test
    void aParagraphWithheldInFullShowsOnlyItsCodes() {
        ReleasableText out = Redactor.release("Everything here is secret.", true, List.of("(b)(1)"),
                List.of(new RedactionSpan(0, 5, List.of("25X1"))));
        assertThat(out.plain()).isEqualTo("[WITHHELD IN FULL (b)(1)]");
        assertThat(out.withheldInFull()).isTrue();
    }

    @Test
    void overlappingAndTouchingSpansMergeIntoOnePlaceholder() {
        String text = "0123456789abcdef";
        ReleasableText out = Redactor.release(text, false, List.of(), List.of(
                new RedactionSpan(6, 9, List.of("25X6")),
                new RedactionSpan(2, 5, List.of("25X1")),
                new RedactionSpan(4, 6, List.of("25X1"))));
        assertThat(out.plain()).isEqualTo("01[REDACTED 25X1 25X6]9abcdef");
    }

    @Test
    void textWithoutRedactionsIsReleasedAsWritten() {
        assertThat(Redactor.release("  spaces\nand lines  ", false, List.of(), List.of()).plain())
                .isEqualTo("  spaces\nand lines  ");
    }

    @Test
    void aSpanPastTheEndOfTheParagraphIsRefused() {
        assertThatThrownBy(() -> Redactor.release("short", false, List.of(),
                List.of(new RedactionSpan(2, 10, List.of("25X1"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedactionSpan(5, 5, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
