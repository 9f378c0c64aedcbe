package org.declass.cable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.declass.redaction.Audience;
import org.declass.redaction.CableDocument;
import org.declass.redaction.CableDocument.Block;
import org.declass.redaction.CableDocument.HeaderLine;
import org.declass.redaction.CableDocument.IndexEntry;
import org.declass.redaction.CableDocument.Piece;
import org.declass.redaction.CableDocument.PieceKind;
import org.declass.redaction.RedactionSpan;
import org.declass.redaction.Redactor;
import org.declass.redaction.ReleasableText;
import org.declass.security.Classification;
import org.declass.security.Disclosure;
import org.declass.security.Reader;

/**
 * Builds the {@link CableDocument} of one cable for one audience: the one place where stored text becomes output.
 * Public: the review's dispositions and redactions applied by the {@link Redactor} to every paragraph and header
 * portion (subject, REF, CLASSIFIED BY with REASON, TAGS), nothing of a hidden passage kept. Cleared: the
 * {@link Disclosure} decides each paragraph and header portion on its marking. Reviewer: the same decision, with
 * proposed redactions marked but shown. Who may ask for which audience is decided by the caller.
 */
public final class DocumentBuilder {

    private DocumentBuilder() {
    }

    /**
     * The approver's preview: the public document of a cable not yet released, exactly as it would be frozen, with
     * a declassification marking that names the declassification instruction and has no date yet.
     */
    public static CableDocument publicPreview(Cable cable, CableHeader header, HeaderPortions portions,
                                              Disclosure policy, Function<String, String> meaning) {
        String authority = "declassification instruction: " + java.util.Optional.ofNullable(cable.getDeclassDate())
                .map(java.time.LocalDate::toString).orElse(cable.getDeclassKind().name());
        String by = cable.getApprovedBy() == null ? "(not yet approved)" : cable.getApprovedBy() + " (release approver)";
        return build(cable, header, portions, Audience.PUBLIC, null, policy, meaning,
                new CableDocument.Stamp(authority, by, null));
    }

    /**
     * @param portions the cable's header portions (subject, REF, CLASSIFIED BY with REASON, TAGS) with the review's
     *                 decisions on them
     * @param meaning  the description of an exemption code, or null when unknown
     * @param stamp    the declassification marking for the public audience (null for the others)
     */
    public static CableDocument build(Cable cable, CableHeader header, HeaderPortions portions, Audience audience,
                                      Reader reader, Disclosure policy, Function<String, String> meaning,
                                      CableDocument.Stamp stamp) {
        boolean pub = audience == Audience.PUBLIC;
        List<IndexEntry> index = new ArrayList<>();

        List<HeaderLine> lines = new ArrayList<>();
        if (!header.captions().isEmpty()) {
            lines.add(new HeaderLine("CAPTIONS", null, true, List.of(Piece.text(String.join(" ", header.captions())))));
        }
        if (header.declassRaw() != null && !header.declassRaw().isBlank()) {
            String eo = header.declassOrder() == null || header.declassOrder().isBlank() ? header.declassRaw()
                    : "E.O. " + header.declassOrder() + ": " + header.declassRaw();
            lines.add(new HeaderLine("E.O.", null, false, List.of(Piece.text(eo))));
        }
        for (HeaderPart part : portions.present()) {
            lines.addAll(headerLines(part, portions, header, audience, reader, policy, meaning, index));
        }
        List<Block> body = new ArrayList<>();
        int withheld = 0;
        int unnumbered = 0;
        for (Paragraph p : cable.getParagraphs()) {
            if (p.getNumber() == null) {
                unnumbered++;
            }
            String address = p.getNumber() == null ? "·" + unnumbered : p.getAddress();
            String label = p.getNumber() == null ? "" : p.getNumber() + "." + (p.getSub() == null ? "" : p.getSub() + ".");
            String mark = p.getMark() == null ? null : p.getMark().portionMark();
            List<RedactionSpan> spans = new ArrayList<>();
            for (Redaction r : cable.getRedactions()) {
                if (r.getPortion() == null && r.getParagraphSeq() == p.getSeq()) {
                    spans.add(new RedactionSpan(r.getStart(), r.getEnd(), r.getCodes()));
                }
            }
            if (pub) {
                ReleasableText released = Redactor.release(p.getText(), p.getDisposition() == Disposition.WITHHOLD,
                        p.getDispositionCodes(), spans);
                for (ReleasableText.Segment s : released.segments()) {
                    if (s instanceof ReleasableText.Hidden h) {
                        index.add(new IndexEntry(index.size() + 1, address, h.codes(), meanings(h.codes(), meaning),
                                h.wholeParagraph()));
                    }
                }
                if (released.withheldInFull()) {
                    withheld++;
                }
                body.add(publicBlock(p.getSeq(), address, label, p.getHeading(), mark, released));
            } else if (!policy.mayRead(reader, p.getEffectiveLevel(), p.isForeignRestricted())) {
                withheld++;
                body.add(new Block(p.getSeq(), address, label, null, mark, List.of(new Piece(PieceKind.WITHHELD,
                        policy.placeholder(Classification.of(p.getEffectiveLevel(), p.isForeignRestricted())),
                        List.of())),
                        false));
            } else if (audience == Audience.REVIEWER) {
                List<Piece> pieces = proposed(p.getText(), spans);
                for (Piece piece : pieces) {
                    if (piece.kind() == PieceKind.PROPOSED) {
                        index.add(new IndexEntry(index.size() + 1, address, piece.codes(),
                                meanings(piece.codes(), meaning), false));
                    }
                }
                if (p.getDisposition() == Disposition.WITHHOLD) {
                    index.add(new IndexEntry(index.size() + 1, address, p.getDispositionCodes(),
                            meanings(p.getDispositionCodes(), meaning), true));
                }
                body.add(new Block(p.getSeq(), address, label, p.getHeading(), mark, pieces, false));
            } else {
                body.add(new Block(p.getSeq(), address, label, p.getHeading(), mark, List.of(Piece.text(p.getText())),
                        false));
            }
        }
        String banner = cable.getClassification() == null ? cable.getBanner() : cable.getClassification().banner();
        return new CableDocument(cable.getId(), cable.getReference(), cable.getOrigin(), cable.getSerial(),
                cable.getDate(), audience, pub, banner, lines, body, pub ? stamp : null, index, withheld);
    }

    /** The label a header portion's first line has; CLASSIFIED BY's second line is "REASON". */
    static String label(HeaderPart part) {
        return switch (part) {
            case SUBJECT -> "SUBJECT";
            case REF -> "REF";
            case CLASSIFIED_BY -> "CLASSIFIED BY";
            case TAGS -> "TAGS";
        };
    }

    /**
     * A header portion as this audience receives it. Public: the review's disposition and redactions applied.
     * Otherwise the disclosure decision on the portion's marking: a placeholder naming only the level, or the text
     * (reviewer: proposed redactions marked, and a withholding listed in the index).
     */
    private static List<HeaderLine> headerLines(HeaderPart part, HeaderPortions portions, CableHeader header,
                                                Audience audience, Reader reader, Disclosure policy,
                                                Function<String, String> meaning, List<IndexEntry> index) {
        String label = label(part);
        String formerMark = part == HeaderPart.SUBJECT ? header.subjectMark() : null;
        List<String> texts = portions.lines(part);
        List<RedactionSpan> spans = portions.spans(part);
        if (audience == Audience.PUBLIC) {
            if (portions.withheldInFull(part)) {
                List<String> codes = portions.codes(part);
                ReleasableText released = Redactor.release("", true, codes, List.of());
                ReleasableText.Hidden h = (ReleasableText.Hidden) released.segments().get(0);
                index.add(new IndexEntry(index.size() + 1, label, h.codes(), meanings(h.codes(), meaning), true));
                return List.of(new HeaderLine(label, formerMark, false,
                        List.of(new Piece(PieceKind.WITHHELD, h.placeholder(), h.codes()))));
            }
            List<List<Piece>> perLine = new ArrayList<>();
            int offset = 0;
            for (String t : texts) {
                List<RedactionSpan> clipped = clip(spans, offset, t.length());
                List<Piece> pieces = new ArrayList<>();
                for (ReleasableText.Segment s : Redactor.release(t, false, List.of(), clipped).segments()) {
                    if (s instanceof ReleasableText.Hidden h) {
                        index.add(new IndexEntry(index.size() + 1, label, h.codes(), meanings(h.codes(), meaning),
                                false));
                        pieces.add(new Piece(PieceKind.REDACTED, h.placeholder(), h.codes()));
                    } else {
                        pieces.add(Piece.text(s.shown()));
                    }
                }
                perLine.add(pieces);
                offset += t.length() + 1;
            }
            return assemble(part, label, formerMark, perLine);
        }
        Classification c = portions.classification(part);
        if (!policy.mayRead(reader, c)) {
            // nothing of the portion, not even how many lines it has
            return List.of(new HeaderLine(label, formerMark, false,
                    List.of(new Piece(PieceKind.WITHHELD, policy.placeholder(c), List.of()))));
        }
        List<List<Piece>> perLine = new ArrayList<>();
        int offset = 0;
        for (String t : texts) {
            if (audience == Audience.REVIEWER) {
                List<Piece> pieces = proposed(t, clip(spans, offset, t.length()));
                for (Piece piece : pieces) {
                    if (piece.kind() == PieceKind.PROPOSED) {
                        index.add(new IndexEntry(index.size() + 1, label, piece.codes(),
                                meanings(piece.codes(), meaning), false));
                    }
                }
                perLine.add(pieces);
            } else {
                perLine.add(t.isEmpty() ? List.of() : List.of(Piece.text(t)));
            }
            offset += t.length() + 1;
        }
        if (audience == Audience.REVIEWER && portions.withheldInFull(part)) {
            index.add(new IndexEntry(index.size() + 1, label, portions.codes(part),
                    meanings(portions.codes(part), meaning), true));
        }
        return assemble(part, label, formerMark, perLine);
    }

    /** Lines into header lines: REF's lines into one, CLASSIFIED BY's into its line and the REASON line. */
    private static List<HeaderLine> assemble(HeaderPart part, String label, String formerMark,
                                             List<List<Piece>> perLine) {
        if (part == HeaderPart.CLASSIFIED_BY) {
            List<HeaderLine> out = new ArrayList<>();
            if (!perLine.isEmpty() && !perLine.get(0).isEmpty()) {
                out.add(new HeaderLine(label, null, false, perLine.get(0)));
            }
            if (perLine.size() > 1 && !perLine.get(1).isEmpty()) {
                out.add(new HeaderLine("REASON", null, false, perLine.get(1)));
            }
            return out;
        }
        List<Piece> all = new ArrayList<>();
        for (List<Piece> l : perLine) {
            if (!all.isEmpty()) {
                all.add(Piece.text("\n"));
            }
            all.addAll(l);
        }
        return List.of(new HeaderLine(label, formerMark, false, all));
    }

    /** The spans that fall in [offset, offset + length), shifted to start there. */
    private static List<RedactionSpan> clip(List<RedactionSpan> spans, int offset, int length) {
        List<RedactionSpan> out = new ArrayList<>();
        for (RedactionSpan s : spans) {
            int a = Math.max(s.start(), offset) - offset;
            int b = Math.min(s.end(), offset + length) - offset;
            if (b > a) {
                out.add(new RedactionSpan(a, b, s.codes()));
            }
        }
        return out;
    }

    /**
     * A paragraph as released: kept text and placeholders; when anything is hidden, the kept text's line breaks are
     * joined (they would tell the hidden length) and renderers wrap the block afresh; a paragraph withheld in full
     * loses its heading too. Depends on the released text only, never on what it hides.
     */
    public static Block publicBlock(int seq, String address, String label, String heading, String mark,
                                    ReleasableText released) {
        List<Piece> pieces = new ArrayList<>();
        boolean hidden = false;
        for (ReleasableText.Segment s : released.segments()) {
            if (s instanceof ReleasableText.Hidden h) {
                hidden = true;
                pieces.add(new Piece(h.wholeParagraph() ? PieceKind.WITHHELD : PieceKind.REDACTED, h.placeholder(),
                        h.codes()));
            } else {
                pieces.add(Piece.text(s.shown()));
            }
        }
        return new Block(seq, address, label, released.withheldInFull() ? null : heading, mark,
                hidden ? reflow(pieces) : pieces, hidden);
    }

    /** The text cut at every proposed redaction boundary; pieces joined give the text back exactly. */
    private static List<Piece> proposed(String text, List<RedactionSpan> spans) {
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>(List.of(0, text.length()));
        for (RedactionSpan s : spans) {
            cuts.add(Math.min(s.start(), text.length()));
            cuts.add(Math.min(s.end(), text.length()));
        }
        List<Piece> out = new ArrayList<>();
        Integer from = null;
        for (Integer to : cuts) {
            if (from != null && to > from) {
                java.util.TreeSet<String> codes = new java.util.TreeSet<>();
                boolean covered = false;
                for (RedactionSpan s : spans) {
                    if (s.start() <= from && s.end() >= to) {
                        covered = true;
                        codes.addAll(s.codes());
                    }
                }
                out.add(covered ? new Piece(PieceKind.PROPOSED, text.substring(from, to), List.copyOf(codes))
                        : Piece.text(text.substring(from, to)));
            }
            from = to;
        }
        return out;
    }

    /** Released text around a placeholder with its line breaks joined: they would tell the hidden length. */
    private static List<Piece> reflow(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            out.add(p.kind() == PieceKind.TEXT ? Piece.text(p.text().replaceAll("\\s+", " ")) : p);
        }
        return out;
    }

    private static List<String> meanings(List<String> codes, Function<String, String> meaning) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            String m = meaning.apply(c);
            out.add(c + ": " + (m == null ? "(no description on file)" : m));
        }
        return out;
    }
}
