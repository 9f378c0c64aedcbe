package org.declass.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.declass.marking.Finding;
import org.declass.marking.Severity;
import org.junit.jupiter.api.Test;

/** X-CONSIST-2: a phrase redacted in one place and visible in another place of the same cable. */
class RedactionConsistencyTest {

    static final String P2 = "A source, Farrukh Sattarov, told poloff that the closure was ordered.";
    static final String P4 = "Embassy will meet FARRUKH\nSATTAROV again next week.";

    static RedactionConsistency.Portion portion(int seq, String text) {
        return new RedactionConsistency.Portion(seq, String.valueOf(seq), text, false);
    }

    static RedactionConsistency.Span name(int seq, String text) {
        int at = text.indexOf("Farrukh Sattarov");
        return new RedactionConsistency.Span(seq, at, at + "Farrukh Sattarov".length());
    }

    @Test
    void aNameRedactedInParagraphTwoAndLeftInParagraphFourIsAnErrorOnParagraphFour() {
        List<Finding> f = RedactionConsistency.check(List.of(portion(2, P2), portion(4, P4)), List.of(name(2, P2)));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).code()).isEqualTo("X-CONSIST-2");
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).paragraph()).isEqualTo(4);
        assertThat(f.get(0).message()).contains("¶2", "¶4").doesNotContainIgnoringCase("sattarov");
    }

    @Test
    void theSameNameRedactedEverywhereOrWithheldInFullIsNoFinding() {
        int at = P4.indexOf("FARRUKH");
        RedactionConsistency.Span there = new RedactionConsistency.Span(4, at, at + "FARRUKH\nSATTAROV".length());
        assertThat(RedactionConsistency.check(List.of(portion(2, P2), portion(4, P4)), List.of(name(2, P2), there)))
                .isEmpty();
        assertThat(RedactionConsistency.check(List.of(portion(2, P2),
                new RedactionConsistency.Portion(4, "4", P4, true)), List.of(name(2, P2)))).isEmpty();
    }

    @Test
    void anOccurrenceCoveredByTwoAdjacentRedactionsIsCovered() {
        int at = P4.indexOf("FARRUKH");
        List<RedactionConsistency.Span> spans = List.of(name(2, P2), new RedactionConsistency.Span(4, at, at + 7),
                new RedactionConsistency.Span(4, at + 7, at + "FARRUKH\nSATTAROV".length()));
        assertThat(RedactionConsistency.check(List.of(portion(2, P2), portion(4, P4)), spans)).isEmpty();
    }

    @Test
    void aSecondOccurrenceInTheSameParagraphCountsAndAPartOfALongerWordDoesNot() {
        String p = "Farrukh Sattarov met Farrukh Sattarovich, then Farrukh  Sattarov left.";
        List<Finding> f = RedactionConsistency.check(List.of(portion(2, p)), List.of(name(2, p)));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("characters 47–64");
    }

    @Test
    void aVeryShortRedactionIsNotChecked() {
        String p = "The minister and the envoy.";
        assertThat(RedactionConsistency.check(List.of(portion(1, p), portion(2, "the end")),
                List.of(new RedactionConsistency.Span(1, 0, 3)))).isEmpty();
    }
}
