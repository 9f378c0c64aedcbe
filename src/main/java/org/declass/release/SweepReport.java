package org.declass.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one sweep did.
 *
 * @param released   the ids released by this sweep, in id order
 * @param skipped    due cables not released, by reason: notApproved (the overdue queue), onHold, eventPending
 *                   (approved, event not yet recorded), alreadyReleased (another sweep or instance won the race),
 *                   failed (an error rolled that one release back; see the log). A count stops at
 *                   {@link ReleaseSweep#SKIPPED_CAP}, so that a sweep with nothing due stays cheap
 * @param skippedCapped the reasons whose count reached that cap: there are at least that many ("10,000+")
 * @param indexed    released versions written into the reading room's word index by this sweep (its own, and
 *                   any a crash had left queued)
 * @param indexFailed queued versions that could not be indexed and stay queued for the next sweep or start
 * @param durationMs wall time of the sweep, the indexing included
 */
public record SweepReport(String trigger, Instant at, LocalDate today, List<Long> released,
                          Map<String, Long> skipped, Set<String> skippedCapped, long indexed, long indexFailed, long durationMs) {

    public int releasedCount() {
        return released.size();
    }
}
