package org.declass.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.declass.metrics.AuditMeters;

/**
 * Signs the chain head every {@code declass.audit.checkpoint-interval} ("off" disables) and at shutdown. The first
 * run comes one minute after start, not during it: after a clean stop the shutdown checkpoint has already signed the
 * head the start finds; after a crash, the entries since the last checkpoint are signed a minute after the restart
 * rather than at it. Run at start, its head lock and first query competed with the start for the two cores
 * (docs/performance.md, "Startup").
 */
@ApplicationScoped
public class AuditCheckpointJob {

    @Inject
    AuditTrail trail;

    @Inject
    AuditMeters meters;

    @Scheduled(every = "{declass.audit.checkpoint-interval}", identity = "audit-checkpoint", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        trail.checkpoint();
    }

    /** The chain's gauges (entries, unsigned entries, checkpoint age), read from the database at each scrape. */
    void onStart(@Observes StartupEvent event) {
        meters.watchChain(trail::chainState);
    }

    void onShutdown(@Observes ShutdownEvent event) {
        try {
            trail.checkpoint();
        } catch (RuntimeException e) {
            io.quarkus.logging.Log.warnf("no audit checkpoint at shutdown: %s", e.getMessage());
        }
    }
}
