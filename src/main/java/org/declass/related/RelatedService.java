package org.declass.related;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.cable.Cable;
import org.declass.cable.CableService;
import org.declass.cable.HeaderPart;
import org.declass.cable.Paragraph;
import org.declass.security.Disclosure;
import org.declass.security.Reader;

/** What is related to a cable (see {@link RelatedView}), through the one disclosure decision. */
@ApplicationScoped
public class RelatedService {

    /** Rows per list. */
    static final int LIMIT = 50;
    /** A passage that stands in more cables than this is boilerplate, not a quote. */
    static final int COMMON_PASSAGE = 50;
    /** Cables still without a fingerprint that a question fingerprints first (the interval job does the rest). */
    static final int CATCH_UP = 2_000;

    @Inject
    EntityManager em;

    @Inject
    CableService cables;

    @Inject
    RelatedIndex index;

    @Inject
    Disclosure policy;

    /** What is related to cable {@code id} for this reader; an unknown id is a 404 ({@code CableNotFound}). */
    public RelatedView related(long id, Reader reader) {
        return related(id, reader, CATCH_UP);
    }

    /**
     * The same, after fingerprinting this cable and at most {@code catchUp} others still without one (a page asks
     * with none, to stay fast: the interval job catches up within seconds).
     */
    RelatedView related(long id, Reader reader, int catchUp) {
        cables.get(id);
        index.ensure(List.of(id));
        if (catchUp > 0) {
            index.catchUp(catchUp);
        }
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> view(id, reader));
    }

    private RelatedView view(long id, Reader reader) {
        Cable a = cables.get(id);
        boolean wholeHere = cables.mayReadWhole(a, reader);
        Map<Long, Boolean> whole = new HashMap<>();
        java.util.function.Function<Cable, Boolean> readsWhole =
                c -> whole.computeIfAbsent(c.getId(), k -> cables.mayReadWhole(c, reader));

        List<RelatedView.Related> duplicates = new ArrayList<>();
        List<RelatedView.Related> near = new ArrayList<>();
        Object[] mine = fingerprint(id);
        Set<Long> sameBody = new LinkedHashSet<>();
        if (mine != null && ((Number) mine[1]).intValue() > 0) {
            for (Object row : em.createNativeQuery("SELECT cable_id FROM cable_fingerprint WHERE body_hash = ?1"
                    + " AND cable_id <> ?2 AND words > 0 ORDER BY cable_id").setParameter(1, mine[0])
                    .setParameter(2, id).setMaxResults(LIMIT).getResultList()) {
                sameBody.add(((Number) row).longValue());
            }
            if (wholeHere) {
                for (Cable b : load(sameBody)) {
                    if (readsWhole.apply(b)) {
                        duplicates.add(related(b, null));
                    }
                }
                near = near(id, Fingerprints.decode((String) mine[2]), sameBody, readsWhole);
            }
        }

        Set<Long> shown = new java.util.HashSet<>(sameBody);
        near.forEach(r -> shown.add(r.id()));
        List<RelatedView.Quote> quotes = quotes(a, shown, reader);

        // REF links as the cable page draws them: a link (an id) only to a cable the reader is cleared for
        List<RelatedView.Related> references = new ArrayList<>();
        if (policy.mayRead(reader, cables.headerPortions(a).classification(HeaderPart.REF))) {
            List<String> refs = em.createNativeQuery("SELECT reference FROM cable_ref WHERE cable_id = ?1"
                    + " ORDER BY reference", String.class).setParameter(1, id).setMaxResults(LIMIT).getResultList();
            Map<String, Cable> stored = new HashMap<>();
            for (Cable c : refs.isEmpty() ? List.<Cable>of() : em.createQuery(
                    "select c from Cable c where c.reference in :refs", Cable.class).setParameter("refs", refs)
                    .getResultList()) {
                stored.put(c.getReference(), c);
            }
            for (String r : refs) {
                Cable c = stored.get(r);
                references.add(c == null || !policy.mayRead(reader, c.getLevel(), c.isForeignRestricted())
                        ? new RelatedView.Related(null, r, null, null, null) : related(c, null));
            }
        }
        List<RelatedView.Related> referencedBy = new ArrayList<>();
        List<Long> citing = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT cable_id FROM cable_ref WHERE reference = ?1 ORDER BY cable_id")
                .setParameter(1, a.getReference()).setMaxResults(LIMIT).getResultList()) {
            citing.add(((Number) row).longValue());
        }
        for (Cable b : load(citing)) {
            if (policy.mayRead(reader, b.getLevel(), b.isForeignRestricted())
                    && policy.mayRead(reader, cables.headerPortions(b).classification(HeaderPart.REF))) {
                referencedBy.add(related(b, null));
            }
        }
        return new RelatedView(id, a.getReference(), duplicates, near, quotes, references, referencedBy);
    }

    /** The candidates sharing a MinHash band, kept at {@link Fingerprints#NEAR} or more, most similar first. */
    private List<RelatedView.Related> near(long id, int[] mine, Set<Long> sameBody,
                                           java.util.function.Function<Cable, Boolean> readsWhole) {
        List<Long> candidates = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT b2.cable_id FROM cable_band b1 JOIN cable_band b2"
                + " ON b2.band = b1.band AND b2.bucket = b1.bucket AND b2.cable_id <> b1.cable_id"
                + " WHERE b1.cable_id = ?1 GROUP BY b2.cable_id ORDER BY COUNT(*) DESC, b2.cable_id")
                .setParameter(1, id).setMaxResults(4 * LIMIT).getResultList()) {
            long c = ((Number) row).longValue();
            if (!sameBody.contains(c)) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            return new ArrayList<>();
        }
        Map<Long, Double> similarity = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT cable_id, minhash FROM cable_fingerprint WHERE cable_id IN (?1)")
                .setParameter(1, candidates).getResultList()) {
            Object[] r = (Object[]) row;
            double s = Fingerprints.similarity(mine, Fingerprints.decode((String) r[1]));
            if (s >= Fingerprints.NEAR) {
                similarity.put(((Number) r[0]).longValue(), s);
            }
        }
        List<RelatedView.Related> out = new ArrayList<>();
        for (Cable b : load(similarity.keySet())) {
            if (readsWhole.apply(b)) {
                out.add(related(b, Math.round(similarity.get(b.getId()) * 100) / 100.0));
            }
        }
        out.sort(java.util.Comparator.comparing(RelatedView.Related::similarity).reversed()
                .thenComparing(RelatedView.Related::id));
        return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
    }

    /** Paragraphs shared with other cables (not those already listed as duplicates), readable in both places. */
    private List<RelatedView.Quote> quotes(Cable a, Set<Long> skip, Reader reader) {
        Map<Long, List<int[]>> pairs = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT p2.cable_id, p1.seq, p2.seq FROM cable_passage p1"
                + " JOIN cable_passage p2 ON p2.hash = p1.hash AND p2.cable_id <> p1.cable_id"
                + " WHERE p1.cable_id = ?1 AND (SELECT COUNT(*) FROM cable_passage p3 WHERE p3.hash = p1.hash) <= ?2"
                + " ORDER BY p2.cable_id, p1.seq, p2.seq").setParameter(1, a.getId())
                .setParameter(2, COMMON_PASSAGE).setMaxResults(10 * LIMIT).getResultList()) {
            Object[] r = (Object[]) row;
            long b = ((Number) r[0]).longValue();
            if (!skip.contains(b)) {
                pairs.computeIfAbsent(b, k -> new ArrayList<>())
                        .add(new int[] {((Number) r[1]).intValue(), ((Number) r[2]).intValue()});
            }
        }
        Map<Integer, Paragraph> here = bySeq(a);
        List<RelatedView.Quote> out = new ArrayList<>();
        for (Cable b : load(pairs.keySet())) {
            Map<Integer, Paragraph> there = bySeq(b);
            List<RelatedView.Shared> shared = new ArrayList<>();
            for (int[] p : pairs.get(b.getId())) {
                Paragraph x = here.get(p[0]);
                Paragraph y = there.get(p[1]);
                // the one disclosure decision: a shared passage only where the reader may read it in both cables
                if (x != null && y != null && policy.mayRead(reader, x.getEffectiveLevel(), x.isForeignRestricted())
                        && policy.mayRead(reader, y.getEffectiveLevel(), y.isForeignRestricted())) {
                    shared.add(new RelatedView.Shared(x.getAddress(), y.getAddress()));
                }
            }
            if (!shared.isEmpty()) {
                out.add(new RelatedView.Quote(related(b, null), shared));
            }
            if (out.size() >= LIMIT) {
                break;
            }
        }
        return out;
    }

    private Object[] fingerprint(long id) {
        List<?> rows = em.createNativeQuery("SELECT body_hash, words, minhash FROM cable_fingerprint WHERE cable_id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    /** The cables of these ids, in the order given. */
    private List<Cable> load(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Cable> byId = new HashMap<>();
        for (Cable c : em.createQuery("select c from Cable c where c.id in :ids", Cable.class)
                .setParameter("ids", ids).getResultList()) {
            byId.put(c.getId(), c);
        }
        List<Cable> out = new ArrayList<>();
        for (Long i : ids) {
            if (byId.containsKey(i)) {
                out.add(byId.get(i));
            }
        }
        return out;
    }

    private static Map<Integer, Paragraph> bySeq(Cable c) {
        Map<Integer, Paragraph> out = new HashMap<>();
        for (Paragraph p : c.getParagraphs()) {
            out.put(p.getSeq(), p);
        }
        return out;
    }

    private static RelatedView.Related related(Cable c, Double similarity) {
        return new RelatedView.Related(c.getId(), c.getReference(), c.getDate(), c.getState().name(), similarity);
    }
}
