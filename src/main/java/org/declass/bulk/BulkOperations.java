package org.declass.bulk;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.review.ReviewOutcome;
import org.declass.review.ReviewRequests;
import org.declass.review.ReviewService;
import org.declass.security.Reader;

/**
 * The record of bulk operations (tables {@code bulk_operation} and {@code bulk_redaction}, V19): which redactions
 * each one made, so that one call undoes it. Each cable's redactions are made through the review aggregate and
 * recorded here in the same transaction: the record holds exactly the redactions that were committed.
 */
@ApplicationScoped
class BulkOperations {

    @Inject
    EntityManager em;

    @Inject
    ReviewService review;

    @Inject
    Clock clock;

    /** A new operation's id, recorded with who starts it and the codes. No phrase or pattern is stored. */
    @Transactional
    String start(Reader reader, List<String> codes) {
        String id = UUID.randomUUID().toString();
        em.createNativeQuery("insert into bulk_operation (id, created_by, created_at, codes) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, reader.username())
                .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(4, truncate(String.join(",", codes), 400)).executeUpdate();
        return id;
    }

    /**
     * Redacts the spans of one cable through {@link ReviewService#redactSpans} and records the redactions made under
     * the operation, in one transaction. A refusal of the review aggregate (claimant, state, clearance, version)
     * rolls both back and is thrown to the caller.
     */
    @Transactional
    ReviewOutcome.Spans redact(String operation, long cable, Long version, List<ReviewRequests.Span> spans,
                               List<String> codes, String note, Reader reader) {
        ReviewOutcome.Spans out = review.redactSpans(cable, version, spans, codes, note, reader);
        for (ReviewOutcome.Done d : out.done()) {
            em.createNativeQuery("insert into bulk_redaction (operation_id, cable_id, redaction_id)"
                    + " values (?1, ?2, ?3)").setParameter(1, operation).setParameter(2, cable)
                    .setParameter(3, d.redaction()).executeUpdate();
        }
        return out;
    }

    /** Who ran the operation, or empty when there is no such operation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    java.util.Optional<String> owner(String operation) {
        List<?> rows = em.createNativeQuery("select created_by from bulk_operation where id = ?1")
                .setParameter(1, operation).setMaxResults(1).getResultList();
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of((String) rows.get(0));
    }

    /** The redactions the operation made, by cable, in the order they were made. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<Long, List<Long>> redactions(String operation) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("select cable_id, redaction_id from bulk_redaction"
                + " where operation_id = ?1 order by redaction_id").setParameter(1, operation).getResultList()) {
            Object[] r = (Object[]) row;
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(((Number) r[1]).longValue());
        }
        return out;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
