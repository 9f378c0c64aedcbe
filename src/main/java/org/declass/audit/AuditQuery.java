package org.declass.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters over the trail; every one optional. {@code code} matches one exemption code among an entry's codes.
 * {@code withoutReads} leaves out the reads of classified text ({@link #READS}: PORTIONS_READ, ORIGINAL_READ) unless
 * {@code action} asks for one of them. Turns itself into a SQL WHERE clause with parameters, the same on H2 and
 * PostgreSQL.
 */
public record AuditQuery(Long cableId, String actor, String action, String code, Instant from, Instant to,
                         boolean withoutReads) {

    /** The entries that record a read of classified text, which the audit page hides unless asked. */
    public static final List<AuditAction> READS = List.of(AuditAction.PORTIONS_READ, AuditAction.ORIGINAL_READ);

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

    public AuditQuery(Long cableId, String actor, String action, String code, Instant from, Instant to) {
        this(cableId, actor, action, code, from, to, false);
    }

    public static AuditQuery forCable(long cableId) {
        return new AuditQuery(cableId, null, null, null, null, null);
    }

    /** " AND ..." conditions (possibly empty) and their parameters, in order. */
    String where(List<Object> params) {
        StringBuilder sb = new StringBuilder();
        if (cableId != null) {
            sb.append(" AND cable_id = ?");
            params.add(cableId);
        }
        if (actor != null && !actor.isBlank()) {
            sb.append(" AND actor = ?");
            params.add(actor.trim());
        }
        if (action != null && !action.isBlank()) {
            sb.append(" AND action = ?");
            params.add(action.trim());
        } else if (withoutReads) {
            sb.append(" AND action NOT IN (").append(String.join(", ", READS.stream().map(a -> "?").toList()))
                    .append(")");
            READS.forEach(a -> params.add(a.name()));
        }
        if (code != null && !code.isBlank()) {
            sb.append(" AND (',' || codes || ',') LIKE ?");
            params.add("%," + code.trim().replace("%", "").replace("_", "") + ",%");
        }
        if (from != null) {
            sb.append(" AND at >= ?");
            params.add(java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
        }
        if (to != null) {
            sb.append(" AND at < ?");
            params.add(java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
        }
        return sb.toString();
    }

    List<Object> newParams() {
        return new ArrayList<>();
    }
}
