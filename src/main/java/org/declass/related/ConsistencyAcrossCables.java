package org.declass.related;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.cable.Cable;
import org.declass.cable.CrossCableCheck;
import org.declass.cable.Disposition;
import org.declass.cable.Paragraph;
import org.declass.cable.Redaction;
import org.declass.marking.Finding;
import org.declass.marking.Severity;
import org.declass.search.SearchEngine;
import org.declass.search.SearchQuery;

/**
 * X-CONSIST-1: a passage this cable withholds or redacts stands released, or approved for release, in another cable.
 * <ul>
 * <li>A paragraph withheld in full, of at least 8 words: the same paragraph (its normalised words,
 * {@link Fingerprints}) in an APPROVED or RELEASED cable that does not withhold it there. Names both places. A
 * paragraph that stands in more than {@link RelatedService#COMMON_PASSAGE} cables is boilerplate, not checked.</li>
 * <li>A redacted span (at least 4 letters or digits): the same words, as a phrase, in the released text of another
 * cable (the reading room's index, which holds only what was released). Names the other cable.</li>
 * </ul>
 * The message names cables and places, never the text.
 */
@ApplicationScoped
public class ConsistencyAcrossCables implements CrossCableCheck {

    public static final String CODE = "X-CONSIST-1";
    /** The reading room's index of released texts ({@code release.ReleasedSearchSource}). */
    static final String RELEASED_INDEX = "released";
    static final int MAX_PER_CABLE = 20;

    @Inject
    EntityManager em;

    @Inject
    SearchEngine search;

    @Override
    public List<Finding> check(Cable cable) {
        List<Finding> out = new ArrayList<>();
        withheldParagraphs(cable, out);
        redactedSpans(cable, out);
        return out.size() > MAX_PER_CABLE ? out.subList(0, MAX_PER_CABLE) : out;
    }

    private void withheldParagraphs(Cable cable, List<Finding> out) {
        for (Paragraph p : cable.getParagraphs()) {
            if (p.getDisposition() != Disposition.WITHHOLD) {
                continue;
            }
            Fingerprints.Fingerprint f = Fingerprints.of(List.of(p.getSeq()), java.util.Collections.singletonList(
                    p.getText()));
            if (f.passages().isEmpty()) {
                continue;
            }
            List<?> rows = em.createNativeQuery("SELECT c.id, c.reference, cp.seq FROM cable_passage cp"
                    + " JOIN cable c ON c.id = cp.cable_id WHERE cp.hash = ?1 AND cp.cable_id <> ?2"
                    + " AND c.state IN ('APPROVED', 'RELEASED')"
                    + " AND (SELECT COUNT(*) FROM cable_passage b WHERE b.hash = cp.hash) <= ?3 ORDER BY c.id, cp.seq")
                    .setParameter(1, f.passages().get(0).hash()).setParameter(2, cable.getId())
                    .setParameter(3, RelatedService.COMMON_PASSAGE)
                    .setMaxResults(MAX_PER_CABLE).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                long other = ((Number) r[0]).longValue();
                int seq = ((Number) r[2]).intValue();
                List<Paragraph> there = em.createQuery("select p from Paragraph p where p.cable.id = :c and p.seq = :s",
                        Paragraph.class).setParameter("c", other).setParameter("s", seq).getResultList();
                if (there.isEmpty() || there.get(0).getDisposition() == Disposition.WITHHOLD) {
                    continue;
                }
                out.add(new Finding(CODE, Severity.ERROR, "¶" + p.getAddress() + " is withheld here but stands"
                        + " released in ¶" + there.get(0).getAddress() + " of " + r[1] + " (" + other + "): release it"
                        + " here too, or reopen " + r[1], null, p.getSeq()));
            }
        }
    }

    private void redactedSpans(Cable cable, List<Finding> out) {
        Set<String> asked = new LinkedHashSet<>();
        for (Redaction r : cable.getRedactions()) {
            if (r.getPortion() != null) {
                continue;
            }
            Paragraph p = cable.getParagraphs().stream().filter(x -> x.getSeq() == r.getParagraphSeq()).findFirst()
                    .orElse(null);
            if (p == null || r.getEnd() > p.getText().length() || r.getStart() >= r.getEnd()) {
                continue;
            }
            List<String> words = Fingerprints.words(p.getText().substring(r.getStart(), r.getEnd()));
            if (String.join("", words).length() < 4 || !asked.add(String.join(" ", words))) {
                continue;
            }
            SearchQuery.All query = new SearchQuery.All(List.of(new SearchQuery.Phrase(words)), List.of());
            SearchEngine.Found found = search.search(RELEASED_INDEX, new SearchEngine.Request(query, null, List.of(),
                    null, null, SearchEngine.Order.NEWEST), 0, 5);
            for (Long other : found.keys()) {
                if (other.equals(cable.getId())) {
                    continue;
                }
                Cable b = em.find(Cable.class, other);
                String ref = b == null ? "cable " + other : b.getReference();
                out.add(new Finding(CODE, Severity.ERROR, "text redacted in ¶" + p.getAddress() + " stands released"
                        + " in " + ref + " (" + other + "), in the reading room: release it here too, or reopen "
                        + ref, null, p.getSeq()));
            }
        }
    }
}
