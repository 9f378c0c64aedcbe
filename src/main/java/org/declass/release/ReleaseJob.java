package org.declass.release;

import java.time.Clock;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs the release sweep on {@code declass.release.schedule} (a Quartz cron expression, or {@code off}). On the
 * PostgreSQL build the Quartz store is clustered, so one instance fires each time; {@link Nonconcurrent} keeps a
 * slow sweep from overlapping the next firing anywhere in the cluster. Late, bunched or skipped firings are harmless:
 * each sweep releases whatever is due by the clock at that moment.
 */
@ApplicationScoped
public class ReleaseJob {

    @Inject
    ReleaseSweep sweep;

    @Inject
    Clock clock;

    @Nonconcurrent
    @Scheduled(cron = "{declass.release.schedule}", identity = "release-sweep")
    void run() {
        sweep.sweep(clock.instant(), "schedule");
    }
}
