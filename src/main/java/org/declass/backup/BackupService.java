package org.declass.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditConfig;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditKeys;
import org.declass.audit.AuditTrail;
import org.declass.audit.CheckpointSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The online backup of the running server's H2 database (H2's file lock keeps every other process out while the
 * server runs): signs the chain head first, so that the copy ends with a fresh checkpoint, takes the copy with
 * {@link H2Backup}, keeps the newest {@code declass.backup.keep} archives, and records {@code BACKUP_CREATED}.
 * Called by {@code POST /api/admin/backup} and by {@link BackupJob}. One backup at a time.
 */
@ApplicationScoped
public class BackupService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail trail;

    @Inject
    AuditConfig auditConfig;

    @Inject
    BackupConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "declass.data-dir")
    String dataDir;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    /** What a backup wrote, as the API answers it. */
    public record Result(String file, long bytes, String takenAt, String schemaVersion, long auditEntries,
                         Long lastCheckpointSeq, List<String> files, List<String> notes, List<String> deleted,
                         long millis) {
    }

    public boolean supported() {
        return "h2".equals(dbKind);
    }

    public Path directory() {
        return config.dir().map(Path::of).orElse(Path.of(dataDir, "backups"));
    }

    /**
     * Takes a backup now.
     *
     * @param roles the actor's roles, or null for a system actor ({@code system:backup})
     */
    public synchronized Result backup(String actor, Collection<String> roles) {
        if (!supported()) {
            throw new IllegalStateException("the server backs up H2 only; back up PostgreSQL with pg_dump");
        }
        long started = System.nanoTime();
        trail.checkpoint();
        CheckpointSigner signer = AuditKeys.load(auditConfig.checkpointKey().orElse(null), Path.of(dataDir), false);
        List<String> notes = new ArrayList<>();
        if (auditConfig.checkpointKey().isPresent()) {
            notes.add("the audit checkpoint key comes from the configuration (DECLASS_AUDIT_KEY) and is not in this"
                    + " backup: keep it in your secret store");
        }
        if (System.getenv("DECLASS_SESSION_KEY") != null) {
            notes.add("the session key comes from DECLASS_SESSION_KEY and is not in this backup");
        }
        H2Backup.Taken taken;
        List<Path> deleted;
        try (Connection c = dataSource.getConnection()) {
            taken = H2Backup.take(c, directory(), Path.of(dataDir), signer, version, clock.instant(), notes);
            deleted = H2Backup.prune(directory(), config.keep());
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the backup failed: " + e.getMessage(), e);
        }
        BackupManifest m = taken.manifest();
        long bytes;
        try {
            bytes = taken.size();
        } catch (IOException e) {
            bytes = -1;
        }
        String note = String.format(Locale.ROOT, "backup %s: %,d bytes, %,d audit entries, schema %s",
                taken.file().getFileName(), bytes, m.audit().entries(), m.schemaVersion());
        AuditEvent event = roles == null ? AuditEvent.bySystem(actor, AuditAction.BACKUP_CREATED)
                : AuditEvent.by(actor, roles, AuditAction.BACKUP_CREATED);
        QuarkusTransaction.requiringNew().run(() -> trail.record(event.note(note)));
        Log.infof("%s written to %s%s", note, taken.file().toAbsolutePath(),
                deleted.isEmpty() ? "" : "; deleted the older " + deleted.size());
        return new Result(taken.file().toAbsolutePath().toString(), bytes, m.createdAt(), m.schemaVersion(),
                m.audit().entries(), m.audit().lastCheckpoint() == null ? null : m.audit().lastCheckpoint().seq(),
                m.files().stream().map(BackupManifest.FileEntry::name).toList(), m.notes(),
                deleted.stream().map(p -> p.getFileName().toString()).toList(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
