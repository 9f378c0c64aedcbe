package org.declass.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditConfig;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditKeys;
import org.declass.audit.AuditTrail;
import org.declass.audit.CheckpointSigner;
import org.declass.security.PrivateFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start, before the other start-up work and before the HTTP port opens:
 * <ul>
 * <li>after a restore ({@code restore} left {@value #MARKER} in the data directory): verifies the whole trail against
 * its signed checkpoints and the data directory's copy of the newest one ({@link TrailCheck}); a trail that does not
 * verify stops the start. Otherwise it records {@code BACKUP_RESTORED} (naming the backup and, when it was older than
 * a signed checkpoint, the entries it lost), logs it and removes the marker;</li>
 * <li>otherwise compares the database's head with the data directory's checkpoint copy ({@link CheckpointWitness}):
 * a database of the same trail that ends before it, or holds another entry at its seq, is logged as an error on every
 * start (restored by hand, or its newest entries deleted).</li>
 * </ul>
 */
@ApplicationScoped
public class RestoreCheck {

    public static final String MARKER = "restore-pending.json";

    /**
     * Locked by the running server for its lifetime, so that the {@code backup} and {@code restore} commands can tell
     * that it runs: H2's own file lock is not enough, as H2 closes the file whenever the pool holds no connection.
     */
    public static final String LOCK = "server.lock";

    private java.nio.channels.FileChannel lockChannel;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail trail;

    @Inject
    AuditConfig auditConfig;

    @ConfigProperty(name = "declass.data-dir")
    String dataDir;

    /** What {@code restore} leaves for the next start. */
    public record Marker(String restoredAt, String backup, String backupTakenAt, long entries, String olderThan) {

        String note() {
            return "restored from " + (backup == null ? "the database in place" : backup)
                    + (backupTakenAt == null ? "" : " taken " + backupTakenAt) + " on " + restoredAt + ": "
                    + entries + " audit entries verified" + (olderThan == null ? "" : "; " + olderThan);
        }

        static void write(Path dataDir, Marker m) throws IOException {
            PrivateFiles.write(dataDir.resolve(MARKER), BackupManifest.JSON.writeValueAsBytes(m));
        }

        static Optional<Marker> read(Path dataDir) throws IOException {
            Path file = dataDir.resolve(MARKER);
            return Files.isRegularFile(file) ? Optional.of(BackupManifest.JSON.readValue(file.toFile(), Marker.class))
                    : Optional.empty();
        }
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        Path dir = Path.of(dataDir);
        holdLock(dir);
        try {
            Optional<Marker> marker = Marker.read(dir);
            Optional<CheckpointCopy> witness = CheckpointWitness.read(dir);
            if (marker.isPresent()) {
                afterRestore(dir, marker.get(), witness);
            } else if (witness.isPresent()) {
                compare(witness.get());
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot check the database against the data directory's audit checkpoint"
                    + " copy: " + e.getMessage(), e);
        }
    }

    /** Takes {@value #LOCK} when it can; a server whose data directory another one shares runs all the same. */
    private synchronized void holdLock(Path dir) {
        if (lockChannel != null) {
            return;
        }
        try {
            Path file = dir.resolve(LOCK);
            if (!Files.exists(file)) {
                PrivateFiles.write(file, new byte[0]);
            }
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                    java.nio.file.StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                Log.warnf("%s is locked by another process: another server uses this data directory", file);
                return;
            }
            lockChannel = channel;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            Log.debugf("no lock on the data directory: %s", e.getMessage());
        }
    }

    synchronized void onStop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        if (lockChannel != null) {
            try {
                lockChannel.close();
            } catch (IOException e) {
                // released with the process anyway
            }
            lockChannel = null;
        }
    }

    /** Whether a server holds the data directory's {@value #LOCK} (the commands refuse to run then). */
    public static boolean serverRunning(Path dataDir) {
        Path file = dataDir.resolve(LOCK);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // held in this very process
        } catch (IOException e) {
            return false;
        }
    }

    private void afterRestore(Path dir, Marker marker, Optional<CheckpointCopy> witness)
            throws IOException, SQLException {
        CheckpointSigner signer = AuditKeys.load(auditConfig.checkpointKey().orElse(null), dir, false);
        TrailCheck check;
        try (Connection c = dataSource.getConnection()) {
            check = TrailCheck.run(c, dataSource::getConnection, signer, witness.map(w -> List.of(new TrailCheck.External(
                    dir.resolve(CheckpointWitness.FILE).toString(), w))).orElse(List.of()));
        }
        if (!check.report().ok() || !check.conflicts().isEmpty()) {
            throw new IllegalStateException("the restored database's audit trail does not verify, so the server does"
                    + " not start: " + (check.report().ok() ? String.join("; ", check.conflicts())
                    : check.report().problem() + " at entry " + check.report().firstBroken() + ": "
                    + check.report().detail()));
        }
        String note = marker.note();
        QuarkusTransaction.requiringNew().run(() -> trail.record(AuditEvent.bySystem("system:restore",
                AuditAction.BACKUP_RESTORED).note(note)));
        if (marker.olderThan() != null) {
            Log.warnf("RESTORED DATABASE: %s", note);
        } else {
            Log.infof("restored database: %s", note);
        }
        Files.move(dir.resolve(MARKER), dir.resolve("restore-" + H2Backup.STAMP.format(java.time.Instant.now())
                + ".done.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void compare(CheckpointCopy witness) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseState state = DatabaseState.read(c);
            if (state.firstHash() == null || witness.firstHash() == null
                    || !state.firstHash().equals(witness.firstHash())) {
                return; // an empty database, or another trail: nothing to compare with
            }
            if (state.auditEntries() < witness.seq()) {
                Log.errorf("THE DATABASE IS OLDER THAN ITS OWN AUDIT TRAIL: it ends at entry %d, but %s (%s) was"
                        + " signed for this trail. It was restored by hand, or its newest entries were deleted with"
                        + " their checkpoints. Run the restore command (docs/operations.md, \"Backup and restore\")"
                        + " to verify and accept it.", state.auditEntries(), witness.describe(),
                        Path.of(dataDir, CheckpointWitness.FILE));
            } else if (!DatabaseState.hashAt(c, witness.seq()).orElse("").equals(witness.headHash())) {
                Log.errorf("THE AUDIT TRAIL WAS REWRITTEN: entry %d is not the one %s (%s) signed.", witness.seq(),
                        witness.describe(), Path.of(dataDir, CheckpointWitness.FILE));
            }
        }
    }
}
