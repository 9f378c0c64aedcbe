package org.declass.cable;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import org.declass.marking.ClassificationLevel;

/** Queries on cables. Lists page in the database and never load the original text or the paragraphs. */
@ApplicationScoped
public class CableRepository implements PanacheRepository<Cable> {

    public Optional<Cable> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    public Optional<Cable> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    /**
     * One page of cables matching the query. The text filter looks at the subject only where the reader's
     * clearance covers the subject's level, so that a match never reveals a subject the reader may not see.
     */
    public List<Cable> page(CableQuery query, ClassificationLevel readerClearance, boolean readerNoforn) {
        Filter f = filter(query, readerClearance, readerNoforn);
        String order = switch (query.sort()) {
            case "reference" -> " order by reference";
            case "declass" -> " order by declassDate nulls last, id";
            case "oldest" -> " order by date nulls first, id";
            default -> " order by date desc nulls last, id desc";
        };
        return find(f.where + order, f.params).page(Page.of(query.page(), query.size())).list();
    }

    /** Counting stops here: beyond it a list says "10,000+" (an exact count over 250,000 rows is too slow). */
    public static final int COUNT_CAP = 10_000;

    /** The number of matches, exact up to {@link #COUNT_CAP}, else COUNT_CAP. */
    public long count(CableQuery query, ClassificationLevel readerClearance, boolean readerNoforn) {
        Filter f = filter(query, readerClearance, readerNoforn);
        if (f.where.equals("1 = 1")) {
            return Math.min(count(), COUNT_CAP);
        }
        var q = getEntityManager().createQuery("select c.id from Cable c where " + f.where, Long.class)
                .setMaxResults(COUNT_CAP);
        f.params.forEach(q::setParameter);
        return q.getResultList().size();
    }

    public List<String> origins() {
        return getEntityManager()
                .createQuery("select distinct c.origin from Cable c where c.origin is not null order by c.origin",
                        String.class)
                .setMaxResults(1000)
                .getResultList();
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(CableQuery query, ClassificationLevel clearance, boolean noforn) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.level() != null) {
            where.append(" and levelRank = :level");
            params.put("level", (short) query.level().ordinal());
        }
        if (query.origin() != null) {
            where.append(" and origin = :origin");
            params.put("origin", query.origin().toUpperCase(Locale.ROOT));
        }
        if (query.state() != null) {
            where.append(" and state = :state");
            params.put("state", query.state());
        }
        if (Boolean.TRUE.equals(query.hasErrors())) {
            where.append(" and errorCount > 0");
        }
        if (query.rule() != null) {
            // uses ix_finding_code (code, cable_id)
            where.append(" and id in (select f.cable.id from CableFinding f where f.code = :rule)");
            params.put("rule", query.rule().toUpperCase(Locale.ROOT));
        }
        if (query.q() != null) {
            // every word of q must be a word of the reference, origin, tags or (where readable) the subject;
            // each term row carries the marking needed to match on it (see CableTerms)
            List<String> words = CableTerms.tokens(query.q());
            if (words.isEmpty()) {
                where.append(" and 1 = 0");
            }
            int i = 0;
            for (String w : words.stream().distinct().limit(8).toList()) {
                where.append(" and id in (select t.cableId from CableTerm t where t.term = :t").append(i)
                        .append(" and t.levelRank <= :clearance")
                        .append(noforn ? "" : " and t.foreignRestricted = false").append(')');
                params.put("t" + i, w);
                i++;
            }
            if (i > 0) {
                params.put("clearance", (short) clearance.ordinal());
            }
        }
        return new Filter(where.toString(), params);
    }
}
