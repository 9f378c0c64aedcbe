package org.declass.cable;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.audit.AttachedClassifications;
import org.declass.marking.ClassificationLevel;
import org.declass.marking.Marking;
import org.declass.security.Classification;

/**
 * What audit entries are attached to, for the audit trail's disclosure of notes and reasons: each cable's banner
 * (with its subject, a header portion, when that stands higher) and each paragraph's current classification (its
 * effective level, restricted when its own mark or a caption of the whole cable is). Two queries per 500 cables,
 * whatever the number of entries.
 */
@ApplicationScoped
public class AuditAttachments implements AttachedClassifications {

    static final int CHUNK = 500;

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public Map<Long, CableClassifications> of(Collection<Long> cableIds) {
        Map<Long, CableClassifications> out = new HashMap<>();
        List<Long> ids = cableIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            load(ids.subList(i, Math.min(ids.size(), i + CHUNK)), out);
        }
        return out;
    }

    private void load(List<Long> ids, Map<Long, CableClassifications> out) {
        Map<Long, Classification> banners = new HashMap<>();
        for (Object[] row : em.createQuery("select c.id, c.levelRank, c.controls, c.cableWideNoforn,"
                        + " c.subjectLevelRank, c.subjectForeignRestricted from Cable c where c.id in :ids",
                        Object[].class).setParameter("ids", ids).getResultList()) {
            boolean captionNoforn = (Boolean) row[3];
            String controls = (String) row[2];
            Marking banner = new Marking(level(row[1]), controls == null || controls.isEmpty() ? List.of()
                    : List.of(controls.split(",")));
            Classification c = new Classification(banner.level(), captionNoforn || banner.isForeignRestricted())
                    .atLeast(new Classification(level(row[4]), (Boolean) row[5]));
            banners.put((Long) row[0], c);
        }
        Map<Long, Map<Integer, Classification>> paragraphs = new HashMap<>();
        for (Object[] row : em.createQuery("select p.cable.id, p.seq, p.effectiveLevelRank, p.foreignRestricted"
                        + " from Paragraph p where p.cable.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            paragraphs.computeIfAbsent((Long) row[0], k -> new HashMap<>())
                    .put((Integer) row[1], new Classification(level(row[2]), (Boolean) row[3]));
        }
        banners.forEach((id, banner) -> out.put(id, new CableClassifications(banner,
                paragraphs.getOrDefault(id, Map.of()))));
    }

    private static ClassificationLevel level(Object rank) {
        return ClassificationLevel.values()[((Number) rank).intValue()];
    }
}
