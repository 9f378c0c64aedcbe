package org.declass.redaction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A cable made ready for one audience: the only input of every output format (HTML, text, PDF, JSON). It is built
 * on the server from the stored text, the access policy and the review's redactions, so that text an audience may
 * not read is not in it at all: a withheld passage is a {@link Piece} of kind {@link PieceKind#REDACTED} or
 * {@link PieceKind#WITHHELD} whose text is a placeholder that depends on the codes or the level only. A released
 * cable's document is frozen as JSON at the moment of release.
 *
 * @param declassified    true for the public audience: the banner and portion marks are former markings, shown
 *                        lined through (HTML, PDF) or as "(formerly C)" (text)
 * @param banner          the overall marking as reviewed, e.g. "SECRET//NOFORN"
 * @param header          the header lines in the cable's order (captions, E.O. line, TAGS, SUBJECT, REF, CAB)
 * @param body            the paragraphs, in order
 * @param stamp           the declassification marking (public audience only), else null
 * @param redactionIndex  every redaction shown, in order (public: applied; reviewer: proposed), else empty
 * @param withheldCount   how many paragraphs this audience gets as a placeholder only
 */
public record CableDocument(
        long cableId,
        String reference,
        String origin,
        String serial,
        LocalDate date,
        Audience audience,
        boolean declassified,
        String banner,
        List<HeaderLine> header,
        List<Block> body,
        Stamp stamp,
        List<IndexEntry> redactionIndex,
        int withheldCount) {

    public CableDocument {
        header = List.copyOf(header);
        body = List.copyOf(body);
        redactionIndex = List.copyOf(redactionIndex);
    }

    /** What a piece of text is. */
    public enum PieceKind {
        /** Text this audience may read, as written. */
        TEXT,
        /** Reviewer audience: text a reviewer proposed to redact, shown highlighted with its codes. */
        PROPOSED,
        /** A redaction applied for release: the text is the fixed placeholder "[REDACTED codes]". */
        REDACTED,
        /** A portion withheld from this audience, by the access policy or in full by the review's decision. */
        WITHHELD
    }

    /**
     * @param text  the text (TEXT, PROPOSED) or the placeholder (REDACTED, WITHHELD)
     * @param codes the exemption codes of a redaction, else empty
     */
    public record Piece(PieceKind kind, String text, List<String> codes) {
        public Piece {
            codes = codes == null ? List.of() : List.copyOf(codes);
        }

        public static Piece text(String text) {
            return new Piece(PieceKind.TEXT, text, List.of());
        }

        public boolean hidden() {
            return kind == PieceKind.REDACTED || kind == PieceKind.WITHHELD;
        }
    }

    /**
     * A header line such as "SUBJECT: (C) ..." or "TAGS: PGOV, PREL".
     *
     * @param label      "CAPTIONS", "E.O.", "TAGS", "SUBJECT", "REF", "CLASSIFIED BY", "REASON"
     * @param formerMark the portion mark written on the line, e.g. "(C)", or null
     * @param former     true when the whole line is a marking that the declassification supersedes (captions)
     */
    public record HeaderLine(String label, String formerMark, boolean former, List<Piece> pieces) {
        public HeaderLine {
            pieces = List.copyOf(pieces);
        }
    }

    /**
     * A paragraph of the body.
     *
     * @param address     "2", "5.A", or "·3" for the third unnumbered block: names it in the redaction index
     * @param label       the printed number as in the cable, "2." or "5.A.", or "" for an unnumbered block
     * @param heading     the heading line above it, or null (also null when the paragraph is withheld)
     * @param mark        the portion mark written on it, e.g. "(S//NF)", or null when it had none
     * @param reflowed    true when the pieces were joined into one line because something in them is hidden: the
     *                    original line breaks would tell the hidden text's length, so renderers wrap it afresh
     */
    public record Block(int seq, String address, String label, String heading, String mark, List<Piece> pieces,
                        boolean reflowed) {
        public Block {
            pieces = List.copyOf(pieces);
        }

        public boolean withheldInFull() {
            return pieces.size() == 1 && pieces.get(0).kind() == PieceKind.WITHHELD;
        }
    }

    /**
     * The marking of a declassified document (32 CFR 2001.25(b)): the word, the authority, who declassified it and
     * when.
     *
     * @param authority      the basis, e.g. "E.O. 12958, DECL: 11/21/2015 (declassification date reached)"
     * @param declassifiedBy the approver who authorised the release, with their function
     * @param on             the date of declassification, or null for a preview of a cable not yet released
     */
    public record Stamp(String authority, String declassifiedBy, LocalDate on) {
        public static final String WORD = "DECLASSIFIED";
    }

    /** One redaction: where, under which codes, and what the codes mean. */
    public record IndexEntry(int number, String paragraph, List<String> codes, List<String> meanings,
                             boolean wholeParagraph) {
        public IndexEntry {
            codes = List.copyOf(codes);
            meanings = List.copyOf(meanings);
        }
    }

    /** The text this audience may read, joined: what a search over this document may match. Never a placeholder's source. */
    public String readableText() {
        StringBuilder sb = new StringBuilder();
        List<Piece> all = new ArrayList<>();
        for (HeaderLine h : header) {
            all.addAll(h.pieces());
        }
        for (Block b : body) {
            if (b.heading() != null) {
                all.add(Piece.text(b.heading()));
            }
            all.addAll(b.pieces());
        }
        for (Piece p : all) {
            if (!p.hidden()) {
                sb.append(p.text()).append('\n');
            }
        }
        return sb.toString();
    }
}
