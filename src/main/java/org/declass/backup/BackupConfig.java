package org.declass.backup;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The server's backup settings, {@code declass.backup.*} (H2 only; PostgreSQL is backed up with pg_dump). Every
 * property under the prefix must be a member here: Quarkus refuses to start on an unmapped one (SRCFG00050).
 */
@ConfigMapping(prefix = "declass.backup")
public interface BackupConfig {

    /** {@code declass.backup.dir}: where the archives go; default {@code <data-dir>/backups}. */
    Optional<String> dir();

    /** {@code declass.backup.keep}: how many archives to keep there; older ones are deleted after a backup. */
    @WithDefault("7")
    int keep();

    /**
     * {@code declass.backup.schedule}: when the server backs itself up, a cron expression (seconds first), or
     * {@code off}; {@link BackupJob}'s {@code @Scheduled} reads it by name.
     */
    @WithDefault("off")
    String schedule();
}
