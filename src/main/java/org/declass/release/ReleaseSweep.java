package org.declass.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.cable.WorkflowState;
import org.declass.metrics.ReleaseMeters;

/**
 * The release sweep: every APPROVED cable whose effective release date has come (by the given instant, UTC) is
 * released by {@code system:release} through {@link ReleaseService#releaseAll}, a batch per transaction (a failed
 * batch retried cable by cable through {@link ReleaseService#release}); a second thread ({@link
 * ReleaseIndex#startDrain}) writes the reading room's index of what was released, and the sweep returns when both
 * are done.
 * <p>
 * Safe to run late, twice, bunched or concurrently (two threads, two instances): each page is read afresh from the
 * index {@code (state, release_on, id)}, paged by id, and the conditional update APPROVED to RELEASED is the final
 * guard, so a cable another sweep released meanwhile is counted, not released again. A crash loses at most the open
 * transaction, which rolls back; the next sweep finds the rest, and the next start indexes what was left queued.
 */
@ApplicationScoped
public class ReleaseSweep {

    public static final String ACTOR = "system:release";

    /** States before release in which a due cable waits for people: the overdue queue. */
    public static final List<WorkflowState> WAITING = List.of(WorkflowState.NEW, WorkflowState.IN_REVIEW,
            WorkflowState.SUBMITTED, WorkflowState.RETURNED);

    @Inject
    EntityManager em;

    @Inject
    ReleaseService releases;

    @Inject
    ReleaseIndex index;

    @Inject
    ReleaseConfig config;

    @Inject
    ReleaseMeters meters;

    /** Cables released per transaction (one commit, one chain lock); a failed batch is retried one by one. */

    /**
     * Releases everything due on the day of {@code now}; {@code trigger} says who asked (schedule, admin name).
     * Measured ({@link ReleaseMeters}): what it released and skipped and how long it took, or that it failed.
     */
    public SweepReport sweep(Instant now, String trigger) {
        long started = System.nanoTime();
        try {
            SweepReport report = releaseDue(now, trigger, started);
            meters.completed(report.releasedCount(), report.skipped(), report.durationMs());
            return report;
        } catch (RuntimeException | Error e) {
            meters.failed(System.nanoTime() - started);
            throw e;
        }
    }

    private SweepReport releaseDue(Instant now, String trigger, long started) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Tally tally = new Tally();
        // the reading room's postings are written on a second thread while this one releases (and any versions
        // a crash left queued are indexed too); the sweep returns when they are all indexed
        ReleaseIndex.Drain drain = index.startDrain();
        try {
            releasePages(today, now, trigger, tally);
        } finally {
            ReleaseIndex.DrainResult indexed = drain.finish();
            tally.indexed = indexed.indexed();
            tally.indexFailed = indexed.failed();
        }
        Set<String> capped = new java.util.TreeSet<>();
        Map<String, Long> skipped = QuarkusTransaction.requiringNew().call(() -> skippedCounts(today, capped));
        skipped.put("alreadyReleased", tally.lost);
        skipped.put("failed", tally.failed);
        long ms = (System.nanoTime() - started) / 1_000_000;
        SweepReport report = new SweepReport(trigger, now, today, List.copyOf(tally.released), skipped,
                Set.copyOf(capped), tally.indexed, tally.indexFailed, ms);
        Log.infof("release sweep (%s) for %s: %d released, %d indexed for the reading room, skipped %s%s, %d ms",
                trigger, today, tally.released.size(), tally.indexed, skipped,
                capped.isEmpty() ? "" : " (" + String.join(", ", capped) + ": " + skippedCap + " or more)", ms);
        return report;
    }

    private void releasePages(LocalDate today, Instant now, String trigger, Tally tally) {
        long after = 0;
        while (true) {
            final long from = after;
            List<Long> page = QuarkusTransaction.requiringNew().call(() -> dueApproved(today, from, config.pageSize()));
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1);
            int batchSize = config.batchSize();
            for (int i = 0; i < page.size(); i += batchSize) {
                tally.add(releaseBatch(page.subList(i, Math.min(page.size(), i + batchSize)), now));
            }
            Log.infof("release sweep (%s): page done, %d released so far", trigger, tally.released.size());
        }
    }

    /** What the batches of one sweep did. */
    static final class Tally {
        final List<Long> released = new ArrayList<>();
        long lost;
        long failed;
        long indexed;
        long indexFailed;

        void add(Tally other) {
            released.addAll(other.released);
            lost += other.lost;
            failed += other.failed;
        }
    }

    /**
     * Releases a batch in one transaction; when that fails (a lock conflict with another sweep, one unrenderable
     * cable), each cable of the batch alone, so that one bad cable never blocks the others.
     */
    Tally releaseBatch(List<Long> batch, Instant now) {
        Tally t = new Tally();
        try {
            List<Long> done = releases.releaseAll(batch, ACTOR, Set.of("SYSTEM"), now);
            t.released.addAll(done);
            t.lost = batch.size() - done.size();
            return t;
        } catch (RuntimeException e) {
            Log.debugf("release sweep: batch from %d rolled back (%s); one by one", batch.get(0), e.getMessage());
        }
        for (long id : batch) {
            try {
                Optional<ReleasedVersion> v = releases.release(id, ACTOR, Set.of("SYSTEM"), null, now);
                if (v.isPresent()) {
                    t.released.add(id);
                } else {
                    t.lost++;
                }
            } catch (RuntimeException e) {
                if (isReleased(id)) {
                    t.lost++; // a concurrent sweep committed first and the database reported the conflict
                } else {
                    t.failed++;
                    Log.warnf(e, "release sweep: cable %d not released, rolled back", id);
                }
            }
        }
        return t;
    }

    /** One page of due, approved ids after {@code after}, from the index (state, release_on, id). */
    List<Long> dueApproved(LocalDate today, long after, int limit) {
        return em.createQuery("select c.id from Cable c where c.state = :approved and c.releaseOn <= :today"
                        + " and c.id > :after order by c.id", Long.class)
                .setParameter("approved", WorkflowState.APPROVED).setParameter("today", today)
                .setParameter("after", after).setMaxResults(limit).getResultList();
    }

    /**
     * The report's skipped counts stop here: a sweep with nothing due must stay cheap however long the overdue
     * queue grows (at 1,000,000 cables about 950,000 NEW cables are due, and counting them took 160 ms on
     * PostgreSQL at a quarter of that). A count that reaches the cap reads {@value}, and the report names it in
     * {@link SweepReport#skippedCapped()} ("10,000+"); the exact overdue queue is the calendar's business.
     */
    public static final int SKIPPED_CAP = 10_000;

    /** {@link #SKIPPED_CAP}, changed only by tests that need a capped count without 10,001 due cables. */
    static volatile int skippedCap = SKIPPED_CAP;

    private Map<String, Long> skippedCounts(LocalDate today, Set<String> capped) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("notApproved", countDue(WAITING, today, capped, "notApproved"));
        out.put("onHold", countDue(List.of(WorkflowState.ON_HOLD), today, capped, "onHold"));
        out.put("eventPending", capped(capped, "eventPending", cappedCount("select count(*) from (select 1 from cable"
                + " where state = ?1 and release_on is null fetch first " + (skippedCap + 1) + " rows only) x",
                WorkflowState.APPROVED.name())));
        return out;
    }

    private long countDue(List<WorkflowState> states, LocalDate today, Set<String> capped, String reason) {
        long n = 0;
        for (WorkflowState s : states) { // one index range (state, release_on) per state, read up to the cap
            n += cappedCount("select count(*) from (select 1 from cable where state = ?1 and release_on <= ?2"
                    + " fetch first " + (skippedCap + 1) + " rows only) x", s.name(), today);
            if (n > skippedCap) {
                break;
            }
        }
        return capped(capped, reason, n);
    }

    /** The exact number of cables in these states due by {@code today} (the calendar's overdue counts). */
    long countDue(List<WorkflowState> states, LocalDate today) {
        long n = 0;
        for (WorkflowState s : states) { // one index range per state
            n += em.createQuery("select count(c) from Cable c where c.state = :s and c.releaseOn <= :today",
                    Long.class).setParameter("s", s).setParameter("today", today).getSingleResult();
        }
        return n;
    }

    private static long capped(Set<String> capped, String reason, long n) {
        if (n > skippedCap) {
            capped.add(reason);
            return skippedCap;
        }
        return n;
    }

    private long cappedCount(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    private boolean isReleased(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select c.state from Cable c where c.id = :id", WorkflowState.class)
                .setParameter("id", id).getSingleResult() == WorkflowState.RELEASED);
    }
}
