package org.declass.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@io.quarkus.qute.TemplateData
/**
 * An entry as the API and the pages show it to one reader: codes and roles as lists, the hash included. When
 * {@code withheld}, the reader is not cleared for what the entry is attached to: {@code note} is the placeholder
 * naming that level, and the span offsets are absent (see {@link EntryLens}). {@code attemptedName}: the cleaned
 * names tried, on a LOGIN_FAILED entry only (never a raw unknown name, see {@link SignInAudit}).
 */
public record AuditEntryView(long seq, Instant at, String actor, List<String> actorRoles, String action,
                             Long cableId, String cableReference, Integer paragraph, Integer spanStart,
                             Integer spanEnd, List<String> codes, String before, String after, String note,
                             String requestId, String clientAddress, String attemptedName, String prevHash,
                             String hash, boolean withheld) {

    /** Built by {@link EntryLens#view}, which decides {@code withheld} and what stands in its place. */
    static AuditEntryView of(AuditRecord r, boolean withheld) {
        return new AuditEntryView(r.seq(), r.at(), r.actor(), split(r.actorRoles()), r.action(), r.cableId(),
                r.cableReference(), r.paragraph(), r.spanStart(), r.spanEnd(), split(r.codes()), r.markingBefore(),
                r.markingAfter(), r.note(), r.requestId(), r.clientAddress(), r.attemptedName(), r.prevHash(),
                r.hash(), withheld);
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
