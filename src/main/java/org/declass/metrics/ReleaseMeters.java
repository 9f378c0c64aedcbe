package org.declass.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The release sweep's meters, registered at start so that a dashboard and the alerts see zeros, not gaps:
 * <ul>
 * <li>{@code declass_release_sweep_seconds{outcome="success|failure"}}: each sweep's wall time (count, sum, max);
 * a failure is a sweep that ended with an exception;</li>
 * <li>{@code declass_release_sweep_released_total}: cables released by sweeps;</li>
 * <li>{@code declass_release_sweep_skipped{reason}}: what the last sweep on this instance left due and unreleased,
 * by the reasons of its report (notApproved, onHold, eventPending, alreadyReleased, failed);</li>
 * <li>{@code declass_release_sweep_last_success_timestamp_seconds}: when a sweep last completed here (absent until
 * the first one).</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class ReleaseMeters {

    /** The skip reasons of a sweep report, in its order. */
    static final List<String> REASONS = List.of("notApproved", "onHold", "eventPending", "alreadyReleased", "failed");

    @Inject
    MeterRegistry registry;

    private Timer succeeded;
    private Timer failed;
    private Counter released;
    private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();
    private final AtomicLong lastSuccess = new AtomicLong();
    private volatile boolean lastSuccessRegistered;

    @PostConstruct
    void register() {
        succeeded = timer("success");
        failed = timer("failure");
        released = Counter.builder("declass.release.sweep.released").description("Cables released by the sweep")
                .register(registry);
        for (String reason : REASONS) {
            AtomicLong value = skipped.computeIfAbsent(reason, r -> new AtomicLong());
            Gauge.builder("declass.release.sweep.skipped", value, AtomicLong::get).tag("reason", reason)
                    .description("Due cables the last sweep on this instance did not release, by reason")
                    .register(registry);
        }
    }

    private Timer timer(String outcome) {
        return Timer.builder("declass.release.sweep").tag("outcome", outcome)
                .description("Wall time of each release sweep (failure: it ended with an exception)")
                .register(registry);
    }

    /** A sweep completed: what it released, what it skipped by reason, and how long it took. */
    public void completed(int releasedCount, Map<String, Long> skippedByReason, long durationMs) {
        succeeded.record(Duration.ofMillis(durationMs));
        released.increment(releasedCount);
        for (String reason : REASONS) {
            skipped.get(reason).set(skippedByReason.getOrDefault(reason, 0L));
        }
        lastSuccess.set(System.currentTimeMillis());
        if (!lastSuccessRegistered) {
            lastSuccessRegistered = true;
            Gauge.builder("declass.release.sweep.last.success.timestamp", lastSuccess, v -> v.get() / 1000.0)
                    .baseUnit("seconds").description("When a release sweep last completed on this instance")
                    .register(registry);
        }
    }

    /** A sweep ended with an exception after this many nanoseconds. */
    public void failed(long nanos) {
        failed.record(Duration.ofNanos(nanos));
    }
}
