package org.declass.audit;

import java.util.List;

/** A cable's history (newest first, the latest {@link #LIMIT}) and its redaction index, for the cable page. */
public record CableAuditSection(long cableId, List<AuditEntryView> history, List<RedactionIndexRow> redactions) {

    public static final int LIMIT = 200;

    public boolean truncated() {
        return history.size() >= LIMIT;
    }
}
