package org.declass.audit;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reading the trail: queries, per-cable history and redaction index, streamed exports and verification. Queries,
 * exports and verifications through the API are themselves recorded (AUDIT_QUERIED, AUDIT_EXPORTED,
 * AUDIT_VERIFIED).
 */
@ApplicationScoped
public class AuditService {

    public static final int MAX_PAGE_SIZE = 500;
    static final Set<String> REDACTION_ACTIONS = Set.of(AuditAction.REDACTION_ADDED.name(),
            AuditAction.REDACTION_REMOVED.name(), AuditAction.CABLE_APPROVED.name());

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail trail;

    /** Who is reading the trail. */
    public record Reader(String name, Collection<String> roles) {
    }

    public AuditPage page(AuditQuery query, int page, int size, Reader reader) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        AuditPage result = withConnection(c -> new AuditPage(
                AuditRows.newestFirst(c, query, Math.max(page, 0), pageSize).stream().map(AuditEntryView::of).toList(),
                AuditRows.count(c, query), Math.max(page, 0), pageSize));
        if (reader != null) {
            trail.recordAlone(AuditEvent.by(reader.name(), reader.roles(), AuditAction.AUDIT_QUERIED)
                    .cable(query.cableId(), null).note(describe(query) + "; page " + page));
        }
        return result;
    }

    /** The newest entries about one cable, for its page. Not itself recorded: the page view is. */
    public List<AuditEntryView> cableHistory(long cableId, int limit) {
        return withConnection(c -> AuditRows.newestFirst(c, AuditQuery.forCable(cableId), 0, limit).stream()
                .map(AuditEntryView::of).toList());
    }

    /** History and redaction index of one cable, for its page (shown to auditors and administrators). */
    public CableAuditSection cableSection(long cableId) {
        return new CableAuditSection(cableId, cableHistory(cableId, CableAuditSection.LIMIT), redactionIndex(cableId));
    }

    /**
     * Every redaction of a cable still in force, with its codes, redactor and approver: replays the cable's
     * REDACTION_ADDED, REDACTION_REMOVED and CABLE_APPROVED entries in order; an approval covers the redactions
     * made before it that were not yet approved.
     */
    public List<RedactionIndexRow> redactionIndex(long cableId) {
        return withConnection(c -> {
            Map<String, RedactionIndexRow> rows = new LinkedHashMap<>();
            Iterator<AuditRecord> it = AuditRows.ascending(c, AuditQuery.forCable(cableId));
            while (it.hasNext()) {
                AuditRecord r = it.next();
                if (!REDACTION_ACTIONS.contains(r.action())) {
                    continue;
                }
                String key = r.paragraph() + ":" + r.spanStart() + ":" + r.spanEnd();
                switch (AuditAction.valueOf(r.action())) {
                    case REDACTION_ADDED -> rows.put(key, new RedactionIndexRow(r.paragraph(), r.spanStart(),
                            r.spanEnd(), AuditEntryView.split(r.codes()), r.actor(), r.at(), r.note(), null, null));
                    case REDACTION_REMOVED -> rows.remove(key);
                    case CABLE_APPROVED -> rows.replaceAll((k, v) -> v.approver() != null ? v
                            : new RedactionIndexRow(v.paragraph(), v.spanStart(), v.spanEnd(), v.codes(),
                            v.redactor(), v.redactedAt(), v.reason(), r.actor(), r.at()));
                    default -> {
                    }
                }
            }
            List<RedactionIndexRow> out = new ArrayList<>(rows.values());
            out.sort(java.util.Comparator.comparing(RedactionIndexRow::paragraph,
                            java.util.Comparator.nullsFirst(Integer::compare))
                    .thenComparing(RedactionIndexRow::spanStart, java.util.Comparator.nullsFirst(Integer::compare)));
            return out;
        });
    }

    public enum Format { CSV, JSONL }

    /** Records the export, then streams every matching entry, oldest first, in keyset pages: constant memory. */
    public void export(AuditQuery query, Format format, OutputStream out, Reader reader) {
        trail.recordAlone(AuditEvent.by(reader.name(), reader.roles(), AuditAction.AUDIT_EXPORTED)
                .cable(query.cableId(), null).note(format.name().toLowerCase() + " export; " + describe(query)));
        writeExport(query, format, out);
    }

    void writeExport(AuditQuery query, Format format, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            AuditExport.write(c, query, format, out);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    public List<AuditCheckpoint> checkpoints() {
        return withConnection(AuditRows::checkpoints);
    }

    /** Verifies the chain and checkpoints, and records that it was done and what it found. */
    public VerifyReport verify(Reader reader) {
        VerifyReport report = trail.verify();
        trail.recordAlone(AuditEvent.by(reader.name(), reader.roles(), AuditAction.AUDIT_VERIFIED)
                .note(report.ok() ? "ok: " + report.checked() + " entries"
                        : "BROKEN at " + report.firstBroken() + ": " + report.problem() + " (" + report.detail() + ")"));
        return report;
    }

    static String describe(AuditQuery q) {
        StringBuilder sb = new StringBuilder("filter");
        if (q.cableId() != null) {
            sb.append(" cable=").append(q.cableId());
        }
        if (q.actor() != null && !q.actor().isBlank()) {
            sb.append(" user=").append(q.actor());
        }
        if (q.action() != null && !q.action().isBlank()) {
            sb.append(" action=").append(q.action());
        }
        if (q.code() != null && !q.code().isBlank()) {
            sb.append(" code=").append(q.code());
        }
        if (q.from() != null) {
            sb.append(" from=").append(q.from());
        }
        if (q.to() != null) {
            sb.append(" to=").append(q.to());
        }
        return sb.length() == "filter".length() ? "no filter" : sb.toString();
    }

    private interface ConnectionWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }
}
