package org.declass.cable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.marking.CableMarkings;
import org.declass.marking.Declassification;
import org.declass.marking.Finding;
import org.declass.marking.Marking;
import org.declass.marking.MarkingRule;
import org.declass.marking.MarkingRules;
import org.declass.marking.MarkingValidator;
import org.declass.marking.RuleSources;
import org.declass.marking.Severity;
import org.declass.redaction.RedactionConsistency;

/**
 * Marking findings after ingest: recomputing them from the stored marks, checking a proposed change for new
 * errors, finding a suggested fix (applied through the review aggregate), and the corpus report.
 */
@ApplicationScoped
public class FindingsService {

    private final MarkingValidator validator = new MarkingValidator();

    @Inject
    CableService cables;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    CrossCableCheck acrossCables;

    /** The marking facts of a cable as it stands now: stored facts, current overall marking, current marks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CableMarkings markings(Cable cable) {
        CableMarkings stored = stored(cable);
        List<CableMarkings.Portion> portions = new ArrayList<>();
        for (Paragraph p : cable.getParagraphs()) {
            CableMarkings.Portion was = stored.portions().stream().filter(x -> x.seq() == p.getSeq()).findFirst()
                    .orElse(null);
            portions.add(new CableMarkings.Portion(p.getSeq(), p.getNumber(), was == null ? null : was.line(),
                    p.getMark(), was != null && was.heading() && p.getMark() == null, exemptions(cable, p)));
        }
        return new CableMarkings(stored.date(), today(), stored.reference(), stored.classLines(), stored.bottomClass(),
                stored.transmissionLevel(), stored.dtgYear(), stored.stationSerial(), stored.captions(),
                cable.getClassification(), stored.entireText(), stored.subjectMarking(), portions,
                stored.declassification(), stored.eoLine(), stored.reasonSection(), stored.reasonLetters(),
                stored.authorityBlock(), stored.cabLine());
    }

    /** The codes the review cites on a paragraph: its redactions' and, when withheld in full, its disposition's. */
    private static List<String> exemptions(Cable cable, Paragraph p) {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        for (Redaction r : cable.getRedactions()) {
            if (r.getPortion() == null && r.getParagraphSeq() == p.getSeq()) {
                codes.addAll(r.getCodes());
            }
        }
        if (p.getDisposition() == Disposition.WITHHOLD) {
            codes.addAll(p.getDispositionCodes());
        }
        return List.copyOf(codes);
    }

    private CableMarkings stored(Cable cable) {
        CableText text = em.find(CableText.class, cable.getId());
        if (text == null || text.getMarkingJson() == null) {
            // stored before the validator existed: only the row's facts (banner, marks, DECL) can be checked
            return new CableMarkings(cable.getDate(), today(), cable.getReference(), List.of(), null, null, null,
                    null, List.of(), cable.getClassification(), null, null, List.of(),
                    new Declassification(null, cable.getDeclassKind(), null, cable.getDeclassDate(), List.of(), null),
                    null, null, List.of(), true, null);
        }
        try {
            return json.readValue(text.getMarkingJson(), CableMarkings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable marking facts for cable " + cable.getReference(), e);
        }
    }

    /**
     * Recomputes the marking-rule findings of a cable from its stored marks and replaces them; the parser's
     * findings stay. The review workflow calls this after every marking change, and after every redaction or
     * disposition change (R-EXM-1 looks at the exemption codes cited).
     */
    @Transactional
    public List<Finding> revalidate(long cableId) {
        Cable cable = cables.get(cableId);
        List<Finding> found = new ArrayList<>(validator.validate(markings(cable)));
        found.addAll(consistency(cable));
        found.addAll(acrossCables.check(cable));
        cable.replaceRuleFindings(found);
        return found;
    }

    /** X-CONSIST-2: a phrase the cable redacts in one place and leaves visible in another. */
    private static List<Finding> consistency(Cable cable) {
        if (cable.getRedactions().isEmpty()) {
            return List.of();
        }
        List<RedactionConsistency.Portion> portions = new ArrayList<>();
        for (Paragraph p : cable.getParagraphs()) {
            portions.add(new RedactionConsistency.Portion(p.getSeq(), p.getAddress(), p.getText(),
                    p.getDisposition() == Disposition.WITHHOLD));
        }
        List<RedactionConsistency.Span> spans = new ArrayList<>();
        for (Redaction r : cable.getRedactions()) {
            if (r.getPortion() == null) {
                spans.add(new RedactionConsistency.Span(r.getParagraphSeq(), r.getStart(), r.getEnd()));
            }
        }
        return RedactionConsistency.check(portions, spans);
    }

    /**
     * The ERROR findings that setting paragraph {@code seq} to {@code newMark} would create. A reviewer's change
     * with any is refused with the first one's message, unless it carries an explicit override reason (audited).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Finding> wouldCreateErrors(long cableId, int seq, Marking newMark) {
        Cable cable = cables.get(cableId);
        CableMarkings before = markings(cable);
        if (before.portions().stream().noneMatch(p -> p.seq() == seq)) {
            throw new IllegalArgumentException("cable " + cable.getReference() + " has no paragraph " + seq);
        }
        // a remark recomputes the banner from all portions (Cable.remark), so check the cable as it would be
        return validator.newErrors(before, before.withPortionMark(seq, newMark).withBanner(cable.bannerIf(seq, newMark)));
    }

    /**
     * The finding of a cable with this code and a suggested fix (the read side of applying it; the change itself
     * goes through the review aggregate, {@code review.ReviewService#applyFix}).
     *
     * @param paragraph the finding's paragraph, when several findings share the code; null for the first
     * @throws SuggestionNotFound when the cable has no such finding with a suggestion (404)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Finding fixable(Cable cable, String code, Integer paragraph) {
        return cable.getFindings().stream()
                .filter(f -> f.getCode().equals(code) && f.toFinding().suggestion() != null)
                .filter(f -> paragraph == null || paragraph.equals(f.toFinding().paragraph()))
                .findFirst()
                .map(CableFinding::toFinding)
                .orElseThrow(() -> new SuggestionNotFound("cable " + cable.getReference() + " has no finding " + code
                        + (paragraph == null ? "" : " on paragraph " + paragraph) + " with a suggested fix"));
    }

    /**
     * Counts per rule (and parser code) across all cables, ERRORs first, then WARNINGs, then INFO, each by code.
     * Counts only: no text, no subjects. Each rule comes with the public sources it rests on
     * ({@link RuleSources}), never the internal rule basis.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleCount> report() {
        List<Object[]> rows = em.createQuery("select f.code, f.severity, count(distinct f.cable.id), count(f)"
                + " from CableFinding f group by f.code, f.severity order by f.code, f.severity", Object[].class)
                .getResultList();
        List<RuleCount> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String code = (String) r[0];
            MarkingRule rule = MarkingRules.byId(code);
            String title = rule != null ? rule.title() : code.startsWith("P-") ? "Parser finding" : code;
            List<RuleSources.Citation> citations = RuleSources.of(code);
            String source = citations.isEmpty() ? null
                    : String.join("; ", citations.stream().map(RuleSources.Citation::label).toList());
            out.add(new RuleCount(code, (Severity) r[1], title, source, citations, ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()));
        }
        out.sort(java.util.Comparator.comparing(RuleCount::severity).thenComparing(RuleCount::code));
        return out;
    }

    /**
     * One line of the report.
     *
     * @param source    the public sources, as one line (null for a parser finding)
     * @param citations the same, each with a link where the text is published at a stable address
     */
    public record RuleCount(String code, Severity severity, String title, String source,
                            List<RuleSources.Citation> citations, long cables, long findings) {
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The finding, or its suggestion, does not exist. */
    public static class SuggestionNotFound extends RuntimeException {
        public SuggestionNotFound(String message) {
            super(message);
        }
    }
}
