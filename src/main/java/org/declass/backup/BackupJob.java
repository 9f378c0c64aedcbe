package org.declass.backup;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Backs the H2 server up on {@code declass.backup.schedule} (off by default), on this instance's own scheduler. */
@ApplicationScoped
public class BackupJob {

    @Inject
    BackupService backups;

    @Scheduled(cron = "{declass.backup.schedule}", identity = "backup", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!backups.supported()) {
            Log.warn("declass.backup.schedule is set, but this server runs on PostgreSQL: back it up with pg_dump");
            return;
        }
        try {
            backups.backup("system:backup", null);
        } catch (RuntimeException e) {
            Log.errorf("scheduled backup failed: %s", e.getMessage());
        }
    }
}
