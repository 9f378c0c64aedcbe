package org.declass.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Signs the chain head every {@code declass.audit.checkpoint-interval} ("off" disables) and at shutdown. */
@ApplicationScoped
public class AuditCheckpointJob {

    @Inject
    AuditTrail trail;

    @Scheduled(every = "{declass.audit.checkpoint-interval}", identity = "audit-checkpoint", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        trail.checkpoint();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        try {
            trail.checkpoint();
        } catch (RuntimeException e) {
            io.quarkus.logging.Log.warnf("no audit checkpoint at shutdown: %s", e.getMessage());
        }
    }
}
