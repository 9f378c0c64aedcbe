package org.declass.audit;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.security.Disclosure;
import org.declass.security.Reader;

/**
 * Reading the trail: queries, per-cable history and redaction index, streamed exports and verification. Queries,
 * exports and verifications through the API are themselves recorded (AUDIT_QUERIED, AUDIT_EXPORTED,
 * AUDIT_VERIFIED).
 * <p>
 * Every entry goes out through an {@link EntryLens} for its reader: a note or reason, and the span offsets, of an
 * entry attached to something the reader may not read give way to a placeholder naming its level. Verification
 * reads the stored rows themselves.
 */
@ApplicationScoped
public class AuditService {

    public static final int MAX_PAGE_SIZE = org.declass.paging.PageRequest.MAX_SIZE;
    static final Set<String> REDACTION_ACTIONS = Set.of(AuditAction.REDACTION_ADDED.name(),
            AuditAction.REDACTION_REMOVED.name(), AuditAction.CABLE_APPROVED.name());

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail trail;

    @Inject
    Disclosure disclosure;

    @Inject
    AttachedClassifications attached;

    /** The entries as this reader may see them, for one output. */
    public EntryLens lens(Reader reader) {
        return new EntryLens(disclosure, attached, reader, EntryLens.CACHE);
    }

    /** One page of matching entries, newest first, as the reader may see them; recorded as AUDIT_QUERIED. */
    public AuditPage page(AuditQuery query, int page, int size, Reader reader) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        EntryLens lens = lens(reader);
        AuditPage result = withConnection(c -> new AuditPage(
                lens.views(AuditRows.newestFirst(c, query, Math.max(page, 0), pageSize)),
                AuditRows.count(c, query), Math.max(page, 0), pageSize));
        trail.recordAlone(AuditEvent.by(reader.username(), reader.roles(), AuditAction.AUDIT_QUERIED)
                .cable(query.cableId(), null).note(describe(query) + "; page " + page));
        return result;
    }

    /**
     * The id of the cable with this reference id (case-insensitive), as the trail knows it: from the newest entry
     * naming both. Every cable's ingest is in the trail, so a reference the trail does not know is no cable's.
     * References are shown to every auditor beside each entry, so this discloses nothing new.
     */
    public java.util.Optional<Long> cableIdOf(String reference) {
        return withConnection(c -> AuditRows.cableIdOf(c, reference.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    /** The newest entries about one cable, for its page, as the reader may see them. Not itself recorded. */
    public List<AuditEntryView> cableHistory(long cableId, int limit, Reader reader) {
        EntryLens lens = lens(reader);
        return withConnection(c -> lens.views(AuditRows.newestFirst(c, AuditQuery.forCable(cableId), 0, limit)));
    }

    /** History and redaction index of one cable, for its page (shown to auditors and administrators). */
    public CableAuditSection cableSection(long cableId, Reader reader) {
        return new CableAuditSection(cableId, cableHistory(cableId, CableAuditSection.LIMIT, reader),
                redactionIndex(cableId, reader));
    }

    /**
     * Every redaction of a cable still in force, with its codes, redactor and approver: replays the cable's
     * REDACTION_ADDED, REDACTION_REMOVED and CABLE_APPROVED entries in order; an approval covers the redactions
     * made before it that were not yet approved. Replayed on the stored entries; each row then goes out as the
     * reader may see it (the reason and span of a paragraph the reader may not read withheld).
     */
    public List<RedactionIndexRow> redactionIndex(long cableId, Reader reader) {
        EntryLens lens = lens(reader);
        return withConnection(c -> {
            Map<String, AuditRecord> added = new LinkedHashMap<>();
            Map<String, AuditRecord> approval = new LinkedHashMap<>();
            Iterator<AuditRecord> it = AuditRows.ascending(c, AuditQuery.forCable(cableId));
            while (it.hasNext()) {
                AuditRecord r = it.next();
                if (!REDACTION_ACTIONS.contains(r.action())) {
                    continue;
                }
                String key = r.paragraph() + ":" + r.spanStart() + ":" + r.spanEnd();
                switch (AuditAction.valueOf(r.action())) {
                    case REDACTION_ADDED -> {
                        added.put(key, r);
                        approval.remove(key);
                    }
                    case REDACTION_REMOVED -> {
                        added.remove(key);
                        approval.remove(key);
                    }
                    case CABLE_APPROVED -> added.keySet().forEach(k -> approval.putIfAbsent(k, r));
                    default -> {
                    }
                }
            }
            lens.prepare(added.values());
            List<RedactionIndexRow> out = new ArrayList<>(added.size());
            added.forEach((key, a) -> {
                AuditRecord shown = lens.shown(a);
                AuditRecord approved = approval.get(key);
                out.add(new RedactionIndexRow(a.paragraph(), shown.spanStart(), shown.spanEnd(),
                        AuditEntryView.split(a.codes()), a.actor(), a.at(), shown.note(),
                        approved == null ? null : approved.actor(), approved == null ? null : approved.at(),
                        shown != a));
            });
            out.sort(java.util.Comparator.comparing(RedactionIndexRow::paragraph,
                            java.util.Comparator.nullsFirst(Integer::compare))
                    .thenComparing(RedactionIndexRow::spanStart, java.util.Comparator.nullsFirst(Integer::compare)));
            return out;
        });
    }

    public enum Format { CSV, JSONL }

    /** Records the export, then streams every matching entry, oldest first, in keyset pages: constant memory. */
    public void export(AuditQuery query, Format format, OutputStream out, Reader reader) {
        trail.recordAlone(AuditEvent.by(reader.username(), reader.roles(), AuditAction.AUDIT_EXPORTED)
                .cable(query.cableId(), null).note(format.name().toLowerCase() + " export; " + describe(query)));
        writeExport(query, format, out, lens(reader));
    }

    void writeExport(AuditQuery query, Format format, OutputStream out, EntryLens lens) {
        try (Connection c = dataSource.getConnection()) {
            AuditExport.write(c, query, format, out, lens);
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
        trail.recordAlone(AuditEvent.by(reader.username(), reader.roles(), AuditAction.AUDIT_VERIFIED)
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
        if (q.withoutReads() && (q.action() == null || q.action().isBlank())) {
            sb.append(" reads=hidden");
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
