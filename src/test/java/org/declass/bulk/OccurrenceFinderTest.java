package org.declass.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.declass.bulk.OccurrenceFinder.Budget;
import org.declass.bulk.OccurrenceFinder.Span;
import org.junit.jupiter.api.Test;

/** Finding every occurrence of a phrase or pattern in a portion's text, as offsets into the text as stored. */
class OccurrenceFinderTest {

    private static List<String> found(OccurrenceFinder f, String text) {
        return f.in(text, Budget.of(2_000)).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void aNameWrittenAcrossALineBreakIsOneOccurrenceWithItsOriginalOffsets() {
        String text = "A source named Farrukh\nSattarov told poloff; later FARRUKH   SATTAROV said so again.";
        List<Span> spans = OccurrenceFinder.phrase("Farrukh Sattarov").in(text, Budget.of(2_000));

        assertThat(spans).containsExactly(new Span(15, 31), new Span(51, 69));
        assertThat(text.substring(15, 31)).isEqualTo("Farrukh\nSattarov");
        assertThat(text.substring(51, 69)).isEqualTo("FARRUKH   SATTAROV");
    }

    @Test
    void spacingAndCaseOfThePhraseItselfDoNotMatter() {
        String text = "Deputy Director Joseph Camilleri-Vella met the delegation.";
        assertThat(found(OccurrenceFinder.phrase("  joseph \t CAMILLERI-vella "), text))
                .containsExactly("Joseph Camilleri-Vella");
    }

    @Test
    void aWordHyphenatedAtALineEndIsReadJoined() {
        String text = "Joseph Camilleri-\n    Vella attended, and so did Camilleri-Vella's aide.";
        assertThat(found(OccurrenceFinder.phrase("Camilleri-Vella"), text))
                .containsExactly("Camilleri-\n    Vella", "Camilleri-Vella");
    }

    @Test
    void aTermMatchesWholeWordsOnly() {
        String text = "Ali met Alice and ALI's cousin at Bali; ali.";
        List<Span> spans = OccurrenceFinder.phrase("Ali").in(text, Budget.of(2_000));
        assertThat(spans).extracting(s -> text.substring(s.start(), s.end())).containsExactly("Ali", "ALI", "ali");
        assertThat(spans).extracting(Span::start).containsExactly(0, 18, 40);
    }

    @Test
    void aParagraphWithoutThePhraseHasNoOccurrence() {
        assertThat(OccurrenceFinder.phrase("Sattarov").in("Nothing to see here.", Budget.of(2_000))).isEmpty();
        assertThat(OccurrenceFinder.phrase("Sattarov").in("", Budget.of(2_000))).isEmpty();
    }

    @Test
    void aRegularExpressionFindsEveryMatchOnTheStoredText() {
        String text = "Call +380 44 521 0000 or +380 44 521 0001; passport FA123456.";
        OccurrenceFinder f = OccurrenceFinder.regex("\\+380(\\s\\d+)+");
        assertThat(found(f, text)).containsExactly("+380 44 521 0000", "+380 44 521 0001");
        assertThat(f.isPattern()).isTrue();
    }

    @Test
    void aRegularExpressionIsCaseSensitiveUnlessItSaysOtherwise() {
        String text = "Sattarov, SATTAROV";
        assertThat(found(OccurrenceFinder.regex("Sattarov"), text)).containsExactly("Sattarov");
        assertThat(found(OccurrenceFinder.regex("(?i)sattarov"), text)).containsExactly("Sattarov", "SATTAROV");
    }

    @Test
    void emptyMatchesOfARegularExpressionAreNotOccurrences() {
        assertThat(found(OccurrenceFinder.regex("x*"), "abc x yy xx")).containsExactly("x", "xx");
    }

    @Test
    void anInvalidRegularExpressionIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> OccurrenceFinder.regex("(unclosed"))
                .isInstanceOf(OccurrenceFinder.BadSearch.class)
                .hasMessageContaining("not a valid regular expression");
    }

    @Test
    void aCatastrophicRegularExpressionStopsAtItsBudget() {
        OccurrenceFinder f = OccurrenceFinder.regex("(.*.*){12}X");
        String text = "a".repeat(40) + "!";
        long started = System.nanoTime();
        assertThatThrownBy(() -> f.in(text, Budget.of(2_000)))
                .isInstanceOf(OccurrenceFinder.TooComplex.class)
                .hasMessageContaining("too many steps");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aRegularExpressionPastTheDeadlineStops() {
        OccurrenceFinder f = OccurrenceFinder.regex("\\w+");
        Budget past = new Budget(Long.MAX_VALUE, System.nanoTime() - 1);
        assertThatThrownBy(() -> f.in("word ".repeat(2_000), past))
                .isInstanceOf(OccurrenceFinder.TooComplex.class)
                .hasMessageContaining("too long");
    }

    @Test
    void blankOrOverlongSearchesAreRefused() {
        assertThatThrownBy(() -> OccurrenceFinder.phrase("   ")).isInstanceOf(OccurrenceFinder.BadSearch.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> OccurrenceFinder.regex("")).isInstanceOf(OccurrenceFinder.BadSearch.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> OccurrenceFinder.phrase("x".repeat(501)))
                .isInstanceOf(OccurrenceFinder.BadSearch.class).hasMessageContaining("longer than 500");
    }
}
