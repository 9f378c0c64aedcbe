package org.declass.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one sweep did.
 *
 * @param released   the ids released by this sweep, in id order
 * @param skipped    due cables not released, by reason: notApproved (the overdue queue), onHold, eventPending
 *                   (approved, event not yet recorded), alreadyReleased (another sweep or instance won the race),
 *                   failed (an error rolled that one release back; see the log)
 * @param durationMs wall time of the sweep
 */
public record SweepReport(String trigger, Instant at, LocalDate today, List<Long> released,
                          Map<String, Long> skipped, long durationMs) {

    public int releasedCount() {
        return released.size();
    }
}
