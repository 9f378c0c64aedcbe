package org.declass.audit;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Writes the failed sign-ins counted in memory ({@link SignInAudit}) every {@code declass.audit.sign-in-flush}
 * ("off" disables) and at shutdown, before the shutdown checkpoint ({@link AuditCheckpointJob}, default priority)
 * signs the head, so that the checkpoint covers them.
 * <p>
 * It runs on the simple in-memory scheduler of every instance ({@code executeWith = SIMPLE}; the composite scheduler
 * is on, see application.properties), not on clustered Quartz, where a firing runs on one instance only: each
 * instance holds its own counts and must write them itself.
 */
@ApplicationScoped
public class SignInAuditJob {

    @Inject
    SignInAudit signIns;

    @Scheduled(every = "{declass.audit.sign-in-flush}", identity = "audit-sign-in-flush",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        signIns.flush();
    }

    void onShutdown(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event) {
        try {
            int written = signIns.flush();
            if (written > 0) {
                Log.infof("shutdown: %d audit entries of failed sign-ins written", written);
            }
        } catch (RuntimeException e) {
            Log.warnf("failed sign-ins not written at shutdown: %s", e.getMessage());
        }
    }
}
