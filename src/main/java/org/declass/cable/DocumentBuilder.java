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
import org.declass.security.Disclosure;
import org.declass.security.Reader;

/**
 * Builds the {@link CableDocument} of one cable for one audience: the one place where stored text becomes output.
 * Public: the review's dispositions and redactions applied by the {@link Redactor}, nothing of a hidden passage
 * kept. Cleared: the {@link Disclosure} decides each portion, the subject and the references. Reviewer: the same
 * policy, with proposed redactions marked but shown. Who may ask for which audience is decided by the caller.
 */
public final class DocumentBuilder {

    private DocumentBuilder() {
    }

    /**
     * The approver's preview: the public document of a cable not yet released, exactly as it would be frozen, with
     * a declassification marking that names the declassification instruction and has no date yet.
     */
    public static CableDocument publicPreview(Cable cable, CableHeader header, Disclosure policy,
                                              Function<String, String> meaning) {
        String authority = "declassification instruction: " + java.util.Optional.ofNullable(cable.getDeclassDate())
                .map(java.time.LocalDate::toString).orElse(cable.getDeclassKind().name());
        String by = cable.getApprovedBy() == null ? "(not yet approved)" : cable.getApprovedBy() + " (release approver)";
        return build(cable, header, Audience.PUBLIC, null, policy, meaning, new CableDocument.Stamp(authority, by, null));
    }

    /**
     * @param meaning the description of an exemption code, or null when unknown
     * @param stamp   the declassification marking for the public audience (null for the others)
     */
    public static CableDocument build(Cable cable, CableHeader header, Audience audience, Reader reader,
                                      Disclosure policy, Function<String, String> meaning,
                                      CableDocument.Stamp stamp) {
        boolean pub = audience == Audience.PUBLIC;
        boolean headerReadable = pub || policy.mayRead(reader, cable.getLevel(), cable.isForeignRestricted());
        boolean subjectReadable = pub
                || policy.mayRead(reader, cable.getSubjectLevel(), cable.isSubjectForeignRestricted());

        List<HeaderLine> lines = new ArrayList<>();
        if (!header.captions().isEmpty()) {
            lines.add(new HeaderLine("CAPTIONS", null, true, List.of(Piece.text(String.join(" ", header.captions())))));
        }
        if (header.declassRaw() != null && !header.declassRaw().isBlank()) {
            String eo = header.declassOrder() == null || header.declassOrder().isBlank() ? header.declassRaw()
                    : "E.O. " + header.declassOrder() + ": " + header.declassRaw();
            lines.add(new HeaderLine("E.O.", null, false, List.of(Piece.text(eo))));
        }
        if (!cable.getTags().isEmpty()) {
            lines.add(new HeaderLine("TAGS", null, false, List.of(Piece.text(String.join(", ", cable.getTags())))));
        }
        if (cable.getSubject() != null) {
            Piece subject = subjectReadable ? Piece.text(cable.getSubject())
                    : new Piece(PieceKind.WITHHELD, policy.placeholder(org.declass.security.Classification.of(cable.getSubjectLevel(), cable.isSubjectForeignRestricted())), List.of());
            lines.add(new HeaderLine("SUBJECT", header.subjectMark(), false, List.of(subject)));
        }
        if (!header.references().isEmpty()) {
            lines.add(new HeaderLine("REF", null, false, List.of(headerReadable
                    ? Piece.text(String.join("\n", header.references()))
                    : new Piece(PieceKind.WITHHELD, policy.placeholder(org.declass.security.Classification.of(cable.getLevel(), cable.isForeignRestricted())), List.of()))));
        }
        String by = join(", ", header.classifiedByName(), header.classifiedByTitle(), header.classifiedByOffice());
        if (!by.isEmpty()) {
            lines.add(new HeaderLine("CLASSIFIED BY", null, false, List.of(Piece.text(by))));
        }
        if (!header.reasons().isEmpty()) {
            lines.add(new HeaderLine("REASON", null, false, List.of(Piece.text(String.join(", ", header.reasons())))));
        }

        List<Block> body = new ArrayList<>();
        List<IndexEntry> index = new ArrayList<>();
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
                if (r.getParagraphSeq() == p.getSeq()) {
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
                        policy.placeholder(org.declass.security.Classification.of(p.getEffectiveLevel(), p.isForeignRestricted())), List.of())),
                        false));
            } else if (audience == Audience.REVIEWER) {
                List<Piece> pieces = proposed(p, spans);
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
    private static List<Piece> proposed(Paragraph p, List<RedactionSpan> spans) {
        String text = p.getText();
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

    private static String join(String sep, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String s : parts) {
            if (s != null && !s.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append(sep);
                }
                sb.append(s.trim());
            }
        }
        return sb.toString();
    }
}
