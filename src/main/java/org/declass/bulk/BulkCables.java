package org.declass.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.cable.Cable;
import org.declass.cable.CableHeader;
import org.declass.cable.CableService;
import org.declass.cable.HeaderPart;
import org.declass.cable.HeaderPortion;
import org.declass.cable.HeaderPortions;
import org.declass.cable.Redaction;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Classification;

/**
 * Reads what a bulk search needs of many cables at once, a chunk of ids per query: each cable's version, state and
 * claimant, the text and classification of each paragraph and header portion, and the spans already redacted. The
 * paragraphs are read as rows (not entities), so that 10,000 cables take a few queries. Reads only; whether a reader
 * receives a portion is decided by the caller through {@link org.declass.security.Disclosure}.
 */
@ApplicationScoped
class BulkCables {

    private static final int CHUNK = 500;

    @Inject
    EntityManager em;

    @Inject
    CableService cables;

    /** A paragraph or header portion: its address as the review API takes it, its text and its classification. */
    record Portion(String address, String text, Classification classification) {
    }

    /** A span already redacted. */
    record Redacted(String address, int start, int end) {
    }

    record Loaded(long id, String reference, long version, String state, String claimant, List<Portion> portions,
                  List<Redacted> redacted) {
    }

    /** The cables of these ids that exist, in the order given. One read transaction, so callers need none. */
    @Transactional
    Map<Long, Loaded> load(List<Long> ids) {
        Map<Long, Loaded> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, Loaded> loaded = chunk(chunk);
            for (Long id : chunk) {
                Loaded l = loaded.get(id);
                if (l != null) {
                    out.put(id, l);
                }
            }
            em.clear(); // 10,000 cables' entities need not stay in the persistence context
        }
        return out;
    }

    private Map<Long, Loaded> chunk(List<Long> ids) {
        Map<Long, List<Portion>> paragraphs = new HashMap<>();
        Map<Long, Map<Integer, String>> addresses = new HashMap<>();
        for (Object[] row : em.createQuery("select p.cable.id, p.seq, p.number, p.sub, p.effectiveLevelRank,"
                + " p.foreignRestricted, p.text from Paragraph p where p.cable.id in :ids order by p.cable.id, p.seq",
                Object[].class).setParameter("ids", ids).getResultList()) {
            Classification c = Classification.of(ClassificationLevel.values()[((Number) row[4]).intValue()],
                    (Boolean) row[5]);
            String address = address(((Number) row[1]).intValue(), (Integer) row[2], (String) row[3]);
            paragraphs.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(new Portion(address,
                    (String) row[6], c));
            addresses.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put(((Number) row[1]).intValue(),
                    address);
        }
        Map<Long, List<Redacted>> redacted = new HashMap<>();
        Map<Long, CableHeader> headers = cables.headers(ids);
        Map<Long, List<HeaderPortion>> rows = cables.headerPortionRows(ids);
        Map<Long, Loaded> out = new HashMap<>();
        List<Cable> found = em.createQuery("select c from Cable c where c.id in :ids", Cable.class)
                .setParameter("ids", ids).getResultList();
        for (Object[] row : em.createQuery("select r.cable.id, r from Redaction r where r.cable.id in :ids",
                Object[].class).setParameter("ids", ids).getResultList()) {
            Long cableId = (Long) row[0];
            Redaction r = (Redaction) row[1];
            String address = r.getPortion() != null ? r.getPortion()
                    : addresses.getOrDefault(cableId, Map.of()).getOrDefault(r.getParagraphSeq(),
                    "s" + r.getParagraphSeq());
            redacted.computeIfAbsent(cableId, k -> new ArrayList<>())
                    .add(new Redacted(address, r.getStart(), r.getEnd()));
        }
        for (Cable c : found) {
            List<Portion> portions = new ArrayList<>();
            CableHeader header = headers.get(c.getId());
            if (header != null) {
                HeaderPortions h = HeaderPortions.of(c, header, rows.getOrDefault(c.getId(), List.of()));
                for (HeaderPart part : h.present()) {
                    portions.add(new Portion(part.address(), h.text(part), h.classification(part)));
                }
            }
            portions.addAll(paragraphs.getOrDefault(c.getId(), List.of()));
            out.put(c.getId(), new Loaded(c.getId(), c.getReference(), c.getVersion(), c.getState().name(),
                    c.getAssignee(), portions, redacted.getOrDefault(c.getId(), List.of())));
        }
        return out;
    }

    /** A paragraph's address as {@link org.declass.cable.Paragraph#getAddress} gives it. */
    static String address(int seq, Integer number, String sub) {
        if (number == null) {
            return "s" + seq;
        }
        return sub == null || sub.isEmpty() ? String.valueOf(number) : number + "." + sub;
    }
}
