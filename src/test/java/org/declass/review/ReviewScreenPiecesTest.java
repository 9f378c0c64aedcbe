package org.declass.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.declass.cable.CableView.RedactionView;
import org.declass.suggest.Kind;
import org.declass.suggest.Suggestion;
import org.junit.jupiter.api.Test;

/** The review screen cuts a paragraph at redactions and suggestions; joined, the pieces give back the text. */
class ReviewScreenPiecesTest {

    static final String TEXT = "Colonel Farrukh Sattarov called +998 71 120 5450 twice.";

    static Suggestion suggestion(String id, String what, Kind kind) {
        int start = TEXT.indexOf(what);
        return new Suggestion(id, 1, "1", start, start + what.length(), what, kind, kind.defaultCode(), 0.9, "test");
    }

    @Test
    void aSuggestedSpanIsAPieceCarryingTheSuggestionAndTheTextStaysWhole() {
        List<ReviewScreen.Piece> pieces = ReviewScreen.pieces(TEXT, List.of(),
                List.of(suggestion("aaaaaaaaaaaa", "Colonel Farrukh Sattarov", Kind.NAME),
                        suggestion("bbbbbbbbbbbb", "+998 71 120 5450", Kind.PHONE)));
        assertThat(String.join("", pieces.stream().map(ReviewScreen.Piece::text).toList())).isEqualTo(TEXT);
        assertThat(pieces).filteredOn(ReviewScreen.Piece::suggested).extracting(ReviewScreen.Piece::text,
                ReviewScreen.Piece::suggestion, ReviewScreen.Piece::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Colonel Farrukh Sattarov", "aaaaaaaaaaaa", "NAME"),
                org.assertj.core.groups.Tuple.tuple("+998 71 120 5450", "bbbbbbbbbbbb", "PHONE"));
    }

    @Test
    void aRedactionOverASuggestedSpanShowsAsARedaction() {
        int start = TEXT.indexOf("Farrukh");
        RedactionView r = new RedactionView(7, 1, "1", start, start + "Farrukh".length(), List.of("(b)(6)"), null,
                "reviewer", Instant.EPOCH);
        List<ReviewScreen.Piece> pieces = ReviewScreen.pieces(TEXT, List.of(r),
                List.of(suggestion("aaaaaaaaaaaa", "Colonel Farrukh Sattarov", Kind.NAME)));
        assertThat(String.join("", pieces.stream().map(ReviewScreen.Piece::text).toList())).isEqualTo(TEXT);
        ReviewScreen.Piece farrukh = pieces.stream().filter(p -> p.text().equals("Farrukh")).findFirst()
                .orElseThrow();
        assertThat(farrukh.redacted()).isTrue();
        assertThat(farrukh.suggested()).isFalse();
        assertThat(pieces).filteredOn(ReviewScreen.Piece::suggested).extracting(ReviewScreen.Piece::text)
                .containsExactly("Colonel ", " Sattarov");
    }
}
