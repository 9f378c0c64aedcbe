package org.declass.review;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.declass.cable.CableView;
import org.declass.cable.CableView.ParagraphView;
import org.declass.cable.CableView.RedactionView;
import org.declass.marking.Finding;
import org.declass.redaction.CableDocument;
import org.declass.suggest.Suggestion;

/**
 * What the review and approver screens show: the cable, each paragraph cut into pieces at redaction boundaries
 * (so that proposed redactions are highlighted, never hidden, and the text stays exactly the API's text), the
 * public preview, and which actions this person may take now. The preview is the rendering pipeline's public
 * document ({@link org.declass.cable.DocumentBuilder#publicPreview}): exactly what the public will receive.
 */
public record ReviewScreen(CableView cable, List<Row> paragraphs, List<CodeOption> codes, boolean claimant,
                           boolean mayClaim, boolean mayEdit, boolean mayApprove, String twoPersonRule,
                           boolean mayHold, boolean mayUnhold, CableDocument publicPreview, List<String> openErrors,
                           List<Proposal> proposals, List<Finding> cableFindings, boolean mayReturn) {

    /** The paragraphs with a release decision (a disposition), out of {@link #total()}. */
    public int decided() {
        return (int) paragraphs.stream().filter(r -> r.disposition() != null).count();
    }

    public int total() {
        return paragraphs.size();
    }

    /** "4 of 7 paragraphs decided". */
    public String progress() {
        return decided() + " of " + total() + " paragraph" + (total() == 1 ? "" : "s") + " decided";
    }

    /**
     * The findings of no paragraph on this screen (the cable's own, the header's), shown above the body; each
     * paragraph's findings are on its {@link Row}.
     */
    static List<Finding> cableLevel(List<Finding> findings, List<Row> rows) {
        java.util.Set<Integer> seqs = new java.util.HashSet<>();
        rows.forEach(r -> seqs.add(r.paragraph().seq()));
        return findings.stream().filter(f -> f.paragraph() == null || !seqs.contains(f.paragraph())).toList();
    }

    /**
     * A pending lowered marking: the paragraph is served as {@code served} until approval applies {@code proposed}.
     */
    public record Proposal(String address, String served, String proposed, String by) {
    }

    /**
     * A piece of paragraph text; redacted pieces carry the codes and the ids of the redactions covering them; a piece
     * a detector suggests redacting (and no redaction covers) carries the suggestion's id and kind.
     */
    public record Piece(String text, boolean redacted, String codes, String ids, String suggestion, String kind) {

        Piece(String text, boolean redacted, String codes, String ids) {
            this(text, redacted, codes, ids, null, null);
        }

        public boolean suggested() {
            return suggestion != null;
        }
    }

    public record CodeOption(String code, String scheme, String description) {
        /** What the code list's search box matches against, lower case. */
        public String search() {
            return (code + " " + scheme + " " + description).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Row(ParagraphView paragraph, String address, String label, String levelAbbreviation,
                      String controls, String disposition, String dispositionCodes, List<Piece> pieces,
                      List<RedactionView> redactions, List<Suggestion> suggestions, List<Finding> findings) {
        /** The element id suffix: "5-A" for paragraph 5.A. */
        public String anchor() {
            return address.replace('.', '-');
        }
    }

    static Row row(ParagraphView p, String address, String disposition, List<String> dispositionCodes,
                   List<RedactionView> redactions, List<Suggestion> suggestions, List<Finding> findings) {
        String label = p.number() == null ? "·" : p.number() + "." + (p.sub() == null ? "" : p.sub() + ".");
        String level = p.effectiveMarking() == null ? "U" : abbreviation(p.effectiveMarking().level());
        String controls = p.marking() == null ? "" : String.join(",", p.marking().controls());
        List<Piece> pieces = p.withheld() ? List.of() : pieces(p.text(), redactions, suggestions);
        return new Row(p, address, label, level, controls, disposition,
                dispositionCodes == null ? "" : String.join(", ", dispositionCodes), pieces, redactions,
                p.withheld() ? List.of() : suggestions,
                findings.stream().filter(f -> f.paragraph() != null && f.paragraph() == p.seq()).toList());
    }

    /** Cuts the text at every redaction boundary; the pieces joined give back the text exactly. */
    static List<Piece> pieces(String text, List<RedactionView> redactions) {
        return pieces(text, redactions, List.of());
    }

    /**
     * Cuts the text at every redaction and suggestion boundary; the pieces joined give back the text exactly. A
     * piece under a redaction shows as redacted; a piece under a suggestion only (suggestions do not overlap each
     * other) carries the suggestion.
     */
    static List<Piece> pieces(String text, List<RedactionView> redactions, List<Suggestion> suggestions) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (RedactionView r : redactions) {
            cuts.add(Math.min(r.start(), text.length()));
            cuts.add(Math.min(r.end(), text.length()));
        }
        for (Suggestion s : suggestions) {
            cuts.add(Math.min(s.start(), text.length()));
            cuts.add(Math.min(s.end(), text.length()));
        }
        List<Piece> out = new ArrayList<>();
        Integer from = null;
        for (Integer to : cuts) {
            if (from != null && to > from) {
                TreeSet<String> codes = new TreeSet<>();
                List<String> ids = new ArrayList<>();
                for (RedactionView r : redactions) {
                    if (r.start() <= from && r.end() >= to) {
                        codes.addAll(r.codes());
                        ids.add(String.valueOf(r.id()));
                    }
                }
                Suggestion suggested = null;
                if (ids.isEmpty()) {
                    for (Suggestion s : suggestions) {
                        if (s.start() <= from && s.end() >= to) {
                            suggested = s;
                        }
                    }
                }
                out.add(new Piece(text.substring(from, to), !ids.isEmpty(), String.join(" ", codes),
                        String.join(" ", ids), suggested == null ? null : suggested.id(),
                        suggested == null ? null : suggested.kind().name()));
            }
            from = to;
        }
        return out;
    }

    private static String abbreviation(String levelName) {
        return switch (levelName) {
            case "TOP SECRET" -> "TS";
            case "SECRET" -> "S";
            case "CONFIDENTIAL" -> "C";
            default -> "U";
        };
    }
}
