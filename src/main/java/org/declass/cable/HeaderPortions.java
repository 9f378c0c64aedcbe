package org.declass.cable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.declass.marking.Marking;
import org.declass.redaction.RedactionSpan;
import org.declass.security.Classification;

/**
 * The header portions of one cable (subject, REF lines, CLASSIFIED BY with REASON, TAGS): each one's text, its
 * marking and the review's decisions on it. The marking is the portion's own mark when its text carries one (the
 * subject: "SUBJECT: (C) ..."), else the cable's (deny by default), raised to what the review set. Whether a reader
 * receives it is decided by {@link org.declass.security.Disclosure} on {@link #classification}, never here.
 */
public final class HeaderPortions {

    private final Cable cable;
    private final CableHeader header;
    private final Map<HeaderPart, HeaderPortion> rows = new EnumMap<>(HeaderPart.class);

    private HeaderPortions(Cable cable, CableHeader header, Collection<HeaderPortion> rows) {
        this.cable = cable;
        this.header = header;
        for (HeaderPortion r : rows) {
            this.rows.put(r.getPart(), r);
        }
    }

    public static HeaderPortions of(Cable cable, CableHeader header, Collection<HeaderPortion> rows) {
        return new HeaderPortions(cable, header, rows == null ? List.of() : rows);
    }

    /** The parts this cable has, in the order of the header. */
    public List<HeaderPart> present() {
        List<HeaderPart> out = new ArrayList<>();
        for (HeaderPart p : List.of(HeaderPart.TAGS, HeaderPart.SUBJECT, HeaderPart.REF, HeaderPart.CLASSIFIED_BY)) {
            if (has(p)) {
                out.add(p);
            }
        }
        return out;
    }

    public boolean has(HeaderPart part) {
        return lines(part).stream().anyMatch(l -> !l.isEmpty());
    }

    /**
     * The portion's lines: one for the subject and the tags, one per reference, and for CLASSIFIED BY its line
     * and the REASON line (either may be empty). The portion's text, which redaction offsets count in, is these
     * joined by "\n".
     */
    public List<String> lines(HeaderPart part) {
        return switch (part) {
            case SUBJECT -> cable.getSubject() == null ? List.of() : List.of(cable.getSubject());
            case TAGS -> cable.getTags().isEmpty() ? List.of() : List.of(String.join(", ", cable.getTags()));
            case REF -> header.references();
            case CLASSIFIED_BY -> {
                String by = join(", ", header.classifiedByName(), header.classifiedByTitle(),
                        header.classifiedByOffice());
                String reasons = String.join(", ", header.reasons());
                yield by.isEmpty() && reasons.isEmpty() ? List.of() : List.of(by, reasons);
            }
        };
    }

    /** The text a redaction of this portion counts its offsets in. */
    public String text(HeaderPart part) {
        return String.join("\n", lines(part));
    }

    /** The mark written on the portion's text, or null (only the subject carries one in this format). */
    public Marking ownMark(HeaderPart part) {
        return part == HeaderPart.SUBJECT && header.subjectMark() != null
                ? Marking.parsePortion(header.subjectMark()).orElse(null) : null;
    }

    /** The marking the review raised this portion to, or null. */
    public Marking raisedMark(HeaderPart part) {
        HeaderPortion r = rows.get(part);
        return r == null ? null : r.getMark();
    }

    /**
     * What the disclosure decision is asked about: the own mark (the subject's as stored on the cable) else the
     * cable's, raised to what the review set.
     */
    public Classification classification(HeaderPart part) {
        Classification base = part == HeaderPart.SUBJECT
                ? Classification.of(cable.getSubjectLevel(), cable.isSubjectForeignRestricted())
                : Classification.of(cable.getLevel(), cable.isForeignRestricted());
        Marking raised = raisedMark(part);
        return raised == null ? base : base.atLeast(Classification.of(raised));
    }

    /** The classifications of every portion the cable has: part of "the whole cable". */
    public List<Classification> classifications() {
        return present().stream().map(this::classification).toList();
    }

    public Disposition disposition(HeaderPart part) {
        HeaderPortion r = rows.get(part);
        return r == null ? null : r.getDisposition();
    }

    public List<String> codes(HeaderPart part) {
        HeaderPortion r = rows.get(part);
        return r == null ? List.of() : r.getCodes();
    }

    public String note(HeaderPart part) {
        HeaderPortion r = rows.get(part);
        return r == null ? null : r.getNote();
    }

    public boolean withheldInFull(HeaderPart part) {
        return disposition(part) == Disposition.WITHHOLD;
    }

    /** The review's redactions of this portion, as spans of {@link #text}. */
    public List<RedactionSpan> spans(HeaderPart part) {
        List<RedactionSpan> out = new ArrayList<>();
        for (Redaction r : redactions(part)) {
            out.add(new RedactionSpan(r.getStart(), r.getEnd(), r.getCodes()));
        }
        return out;
    }

    public List<Redaction> redactions(HeaderPart part) {
        List<Redaction> out = new ArrayList<>();
        for (Redaction r : cable.getRedactions()) {
            if (part.address().equals(r.getPortion())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The tags as released to the public: none when the tags portion is withheld in full, else those no redaction
     * touches. (The released document shows the TAGS line with its placeholders.)
     */
    public List<String> releasedTags() {
        if (withheldInFull(HeaderPart.TAGS)) {
            return List.of();
        }
        List<RedactionSpan> spans = spans(HeaderPart.TAGS);
        List<String> out = new ArrayList<>();
        int at = 0;
        for (String tag : cable.getTags()) {
            int from = at;
            int to = at + tag.length();
            if (spans.stream().noneMatch(sp -> sp.start() < to && sp.end() > from)) {
                out.add(tag);
            }
            at = to + 2;
        }
        return out;
    }

    static String join(String sep, String... parts) {
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
