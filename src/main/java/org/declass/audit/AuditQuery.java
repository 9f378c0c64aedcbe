package org.declass.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters over the trail; every one optional. {@code code} matches one exemption code among an entry's codes.
 * Turns itself into a SQL WHERE clause with parameters, the same on H2 and PostgreSQL.
 */
public record AuditQuery(Long cableId, String actor, String action, String code, Instant from, Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

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
