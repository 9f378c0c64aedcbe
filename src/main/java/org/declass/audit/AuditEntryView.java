package org.declass.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@io.quarkus.qute.TemplateData
/** An entry as the API, the pages and the exports show it: codes and roles as lists, the hash included. */
public record AuditEntryView(long seq, Instant at, String actor, List<String> actorRoles, String action,
                             Long cableId, String cableReference, Integer paragraph, Integer spanStart,
                             Integer spanEnd, List<String> codes, String before, String after, String note,
                             String requestId, String clientAddress, String prevHash, String hash) {

    public static AuditEntryView of(AuditRecord r) {
        return new AuditEntryView(r.seq(), r.at(), r.actor(), split(r.actorRoles()), r.action(), r.cableId(),
                r.cableReference(), r.paragraph(), r.spanStart(), r.spanEnd(), split(r.codes()), r.markingBefore(),
                r.markingAfter(), r.note(), r.requestId(), r.clientAddress(), r.prevHash(), r.hash());
    }

    static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }

    public String shortHash() {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }

    /** "p3 [10–42]" or "p3" or "" for the pages. */
    public String where() {
        if (paragraph == null) {
            return "";
        }
        return "¶" + paragraph + (spanStart == null ? "" : " [" + spanStart + "–" + spanEnd + "]");
    }
}
