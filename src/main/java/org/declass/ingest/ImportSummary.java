package org.declass.ingest;

import java.util.List;
import java.util.Map;

/**
 * What a bulk import did: counts, time, rate, and where the failures went. The failures list holds at most
 * {@link BulkImporter#MAX_LISTED_FAILURES}; every failure is in the quarantine directory with its reason.
 */
public record ImportSummary(String source, long read, long created, long duplicates, long failed, long skipped,
                            double seconds, double cablesPerSecond, boolean stoppedEarly, String quarantine,
                            Map<String, Long> failuresByReason, List<Failure> failures) {

    public record Failure(String name, int status, String reason) {
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT,
                "import of %s: %,d read, %,d created, %,d already stored, %,d failed, %,d skipped in %.1f s"
                        + " (%,.0f cables/s)%s", source, read, created, duplicates, failed, skipped, seconds,
                cablesPerSecond, stoppedEarly ? ", STOPPED EARLY" : ""));
        if (failed > 0 || skipped > 0) {
            sb.append("\nfailures by reason:");
            failuresByReason.forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, "%n  %,8d  %s", v, k)));
            sb.append("\nquarantine (a copy of each input and a .reason file): ").append(quarantine);
        }
        return sb.toString();
    }
}
