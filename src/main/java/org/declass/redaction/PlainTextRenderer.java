package org.declass.redaction;

import java.util.ArrayList;
import java.util.List;

import org.declass.redaction.CableDocument.Block;
import org.declass.redaction.CableDocument.HeaderLine;
import org.declass.redaction.CableDocument.IndexEntry;
import org.declass.redaction.CableDocument.Piece;
import org.declass.redaction.CableDocument.PieceKind;

/**
 * Renders a {@link CableDocument} as plain text in the cable's own layout: class line, captions, E.O. line, TAGS,
 * SUBJECT, REF, classification authority, numbered paragraphs, bottom class line, and for released cables the
 * declassification marking and the redaction index. Former markings read "(formerly C)". A paragraph with
 * something hidden in it is wrapped afresh at {@link #WIDTH} columns, so that no line break depends on the length of
 * what is hidden.
 */
public final class PlainTextRenderer {

    public static final int WIDTH = 68;

    private PlainTextRenderer() {
    }

    public static String render(CableDocument doc) {
        StringBuilder out = new StringBuilder(4096);
        if (doc.stamp() != null) {
            out.append(CableDocument.Stamp.WORD).append('\n');
            out.append("Authority: ").append(doc.stamp().authority()).append('\n');
            out.append("Declassified by: ").append(doc.stamp().declassifiedBy()).append('\n');
            out.append("Declassified on: ")
                    .append(doc.stamp().on() == null ? "not yet released (preview)" : doc.stamp().on().toString())
                    .append("\n\n");
        }
        out.append(classLine(doc)).append('\n');
        out.append("Reference: ").append(doc.reference());
        if (doc.date() != null) {
            out.append("    Date: ").append(doc.date());
        }
        out.append("\n\n");
        for (HeaderLine h : doc.header()) {
            out.append(headerLine(doc, h)).append('\n');
        }
        out.append('\n');
        for (Block b : doc.body()) {
            if (b.heading() != null && !b.heading().isBlank()) {
                out.append(b.heading()).append("\n\n");
            }
            StringBuilder prefix = new StringBuilder();
            if (!b.label().isEmpty()) {
                prefix.append(b.label()).append(' ');
            }
            if (b.mark() != null) {
                prefix.append(mark(doc, b.mark())).append(' ');
            }
            out.append(b.reflowed() ? wrap(prefix.toString(), b.pieces(), WIDTH)
                    : (prefix + pieces(b.pieces())).stripTrailing()).append("\n\n");
        }
        out.append(classLine(doc)).append('\n');
        if (!doc.redactionIndex().isEmpty()) {
            out.append('\n').append(doc.audience() == Audience.REVIEWER ? "PROPOSED REDACTIONS" : "REDACTION INDEX")
                    .append('\n');
            for (IndexEntry e : doc.redactionIndex()) {
                // a paragraph's address starts with its number (or "·"); a header portion's is its label
                boolean paragraph = !e.paragraph().isEmpty() && (Character.isDigit(e.paragraph().charAt(0))
                        || e.paragraph().charAt(0) == '·');
                out.append(e.number()).append(paragraph ? ". Paragraph " : ". ").append(e.paragraph())
                        .append(e.wholeParagraph() ? " (withheld in full)" : "").append(": ")
                        .append(String.join(", ", e.codes()));
                if (!e.meanings().isEmpty()) {
                    out.append(" (").append(String.join("; ", e.meanings())).append(')');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String classLine(CableDocument doc) {
        String where = ((doc.origin() == null ? "" : doc.origin()) + " " + (doc.serial() == null ? "" : doc.serial()))
                .trim();
        String banner = doc.declassified() ? "(formerly " + doc.banner() + ")" : doc.banner();
        return where.isEmpty() ? banner : banner + " " + where;
    }

    private static String headerLine(CableDocument doc, HeaderLine h) {
        StringBuilder sb = new StringBuilder();
        String body = pieces(h.pieces());
        if ("E.O.".equals(h.label())) {
            return body;
        }
        sb.append(h.label()).append(": ");
        if (h.formerMark() != null) {
            sb.append(mark(doc, h.formerMark())).append(' ');
        }
        sb.append(h.former() && doc.declassified() ? "(formerly " + body + ")" : body);
        return sb.toString();
    }

    private static String mark(CableDocument doc, String mark) {
        if (!doc.declassified()) {
            return mark;
        }
        String inner = mark.startsWith("(") && mark.endsWith(")") ? mark.substring(1, mark.length() - 1) : mark;
        return "(formerly " + inner + ")";
    }

    private static String proposed(Piece p) {
        return "{{" + p.text() + "}}[proposed: " + String.join(" ", p.codes()) + "]";
    }

    private static String pieces(List<Piece> pieces) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            if (p.kind() == PieceKind.PROPOSED) {
                sb.append(proposed(p));
            } else {
                sb.append(p.text());
            }
        }
        return sb.toString();
    }

    /**
     * Greedy word wrap of a prefix (number, mark) and pieces. A hidden piece (a placeholder) is one unbreakable
     * token, told apart by its kind, never by its text; text glued to it (punctuation) stays with it. Runs of white
     * space in text become one space.
     */
    static String wrap(String prefix, List<Piece> pieces, int width) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        List<Piece> all = new ArrayList<>();
        all.add(Piece.text(prefix));
        all.addAll(pieces);
        for (Piece p : all) {
            if (p.kind() == PieceKind.TEXT || p.kind() == PieceKind.PROPOSED) {
                String t = p.kind() == PieceKind.PROPOSED ? proposed(p) : p.text();
                for (int i = 0; i < t.length(); i++) {
                    char ch = t.charAt(i);
                    if (Character.isWhitespace(ch)) {
                        if (!word.isEmpty()) {
                            words.add(word.toString());
                            word.setLength(0);
                        }
                    } else {
                        word.append(ch);
                    }
                }
            } else {
                word.append(p.text());
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String w : words) {
            if (col > 0 && col + 1 + w.length() > width) {
                out.append('\n');
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(w);
            col += w.length();
        }
        return out.toString();
    }
}
