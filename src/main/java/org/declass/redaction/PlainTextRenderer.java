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
            StringBuilder para = new StringBuilder();
            if (!b.label().isEmpty()) {
                para.append(b.label()).append(' ');
            }
            if (b.mark() != null) {
                para.append(mark(doc, b.mark())).append(' ');
            }
            para.append(pieces(b.pieces()));
            out.append(b.reflowed() ? wrap(para.toString(), WIDTH) : para.toString().stripTrailing()).append("\n\n");
        }
        out.append(classLine(doc)).append('\n');
        if (!doc.redactionIndex().isEmpty()) {
            out.append('\n').append(doc.audience() == Audience.REVIEWER ? "PROPOSED REDACTIONS" : "REDACTION INDEX")
                    .append('\n');
            for (IndexEntry e : doc.redactionIndex()) {
                out.append(e.number()).append(". Paragraph ").append(e.paragraph())
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

    private static String pieces(List<Piece> pieces) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            if (p.kind() == PieceKind.PROPOSED) {
                sb.append("{{").append(p.text()).append("}}[proposed: ").append(String.join(" ", p.codes()))
                        .append(']');
            } else {
                sb.append(p.text());
            }
        }
        return sb.toString();
    }

    /** Greedy word wrap; a placeholder ("[REDACTED ...]") is never broken. Runs of white space become one space. */
    static String wrap(String text, int width) {
        List<String> words = tokens(text);
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

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            if (text.startsWith("[REDACTED", i) || text.startsWith("[WITHHELD", i) || text.startsWith("[withheld", i)) {
                int close = text.indexOf(']', i);
                i = close < 0 ? n : close + 1;
                // punctuation glued to the placeholder stays with it
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            }
            out.add(text.substring(start, i));
        }
        return out;
    }
}
