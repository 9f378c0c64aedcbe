package org.declass.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.declass.redaction.CableDocument.Block;
import org.declass.redaction.CableDocument.HeaderLine;
import org.declass.redaction.CableDocument.IndexEntry;
import org.declass.redaction.CableDocument.Piece;
import org.declass.redaction.CableDocument.PieceKind;
import org.junit.jupiter.api.Test;

/** The plain-text rendition of a cable document, in the cable's own layout (pure, no Quarkus). */
class PlainTextRendererTest {

    static CableDocument released() {
        Block kept = new Block(1, "1", "1.", null, "(U)", List.of(Piece.text("The fair opened on\nMonday.")), false);
        Block redacted = new Block(2, "2", "2.", null, "(C)", List.of(Piece.text("A source named "),
                new Piece(PieceKind.REDACTED, "[REDACTED 25X1]", List.of("25X1")), Piece.text(" spoke.")), true);
        Block withheld = new Block(3, "3", "3.", null, "(S//NF)",
                List.of(new Piece(PieceKind.WITHHELD, "[WITHHELD IN FULL 25X6]", List.of("25X6"))), true);
        return new CableDocument(7, "09TALLINN7", "TALLINN", "7", LocalDate.of(2009, 6, 9), Audience.PUBLIC, true,
                "SECRET//NOFORN",
                List.of(new HeaderLine("CAPTIONS", null, true, List.of(Piece.text("NOFORN SIPDIS"))),
                        new HeaderLine("SUBJECT", "(U)", false, List.of(Piece.text("INVENTED FAIR")))),
                List.of(kept, redacted, withheld),
                new CableDocument.Stamp("E.O. 13526, section 3.3", "approver (release approver)",
                        LocalDate.of(2026, 11, 28)),
                List.of(new IndexEntry(1, "2", List.of("25X1"), List.of("25X1: human source"), false),
                        new IndexEntry(2, "3", List.of("25X6"), List.of("25X6: foreign relations"), true)), 1);
    }

    @Test
    void aReleasedCableStartsWithTheDeclassificationMarkingAndShowsFormerMarkingsInWords() {
        String text = PlainTextRenderer.render(released());
        assertThat(text).startsWith("DECLASSIFIED\nAuthority: E.O. 13526, section 3.3\n"
                + "Declassified by: approver (release approver)\nDeclassified on: 2026-11-28\n\n"
                + "(formerly SECRET//NOFORN) TALLINN 7\n");
        assertThat(text).contains("CAPTIONS: (formerly NOFORN SIPDIS)").contains("SUBJECT: (formerly U) INVENTED FAIR")
                .contains("1. (formerly U) The fair opened on\nMonday.")
                .contains("2. (formerly C) A source named [REDACTED 25X1] spoke.")
                .contains("3. (formerly S//NF) [WITHHELD IN FULL 25X6]");
    }

    @Test
    void theRedactionIndexEndsTheTextWithParagraphCodesAndMeanings() {
        String text = PlainTextRenderer.render(released());
        assertThat(text).endsWith("REDACTION INDEX\n1. Paragraph 2: 25X1 (25X1: human source)\n"
                + "2. Paragraph 3 (withheld in full): 25X6 (25X6: foreign relations)\n");
    }

    @Test
    void aParagraphWithNothingHiddenKeepsItsOwnLineBreaks() {
        assertThat(PlainTextRenderer.render(released())).contains("The fair opened on\nMonday.");
    }

    @Test
    void aPlaceholderIsNeverBrokenAcrossLines() {
        String wrapped = PlainTextRenderer.wrap("2. ", List.of(Piece.text("word ".repeat(12)),
                new Piece(PieceKind.REDACTED, "[REDACTED 25X1 50X1-HUM (b)(1)]", List.of("25X1")),
                Piece.text(", and more")), 68);
        assertThat(wrapped).contains("[REDACTED 25X1 50X1-HUM (b)(1)],");
        for (String line : wrapped.split("\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(68);
        }
    }

    @Test
    void aPlaceholderIsToldApartByItsKindNotItsText() {
        // text that merely looks like a placeholder is wrapped like any text; a placeholder glued to a word is kept
        // whole, whatever words it holds
        String wrapped = PlainTextRenderer.wrap("", List.of(Piece.text("x".repeat(50) + " [REDACTED a b c d e f g"),
                Piece.text(" h i j k]"), Piece.text(" y".repeat(4)), Piece.text("z"),
                new Piece(PieceKind.WITHHELD, "[withheld: (S) portion with spaces in it]", List.of())), 40);
        assertThat(wrapped).contains("z[withheld: (S) portion with spaces in it]");
        assertThat(wrapped.split("\n")[0]).isEqualTo("x".repeat(50));
    }
}
