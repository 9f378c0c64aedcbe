package org.declass.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.declass.audit.AuditCheckpoint;
import org.declass.security.PrivateFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the newest signed checkpoint outside the database: {@code <data-dir>/audit-checkpoint.last} (0600), rewritten
 * after each checkpoint commits. A database restored from an older backup, or one whose newest entries were deleted
 * together with their checkpoints, ends before this copy; {@code restore} and the start after it say so
 * ({@link RestoreCheck}). Copy it off the machine with the backups (docs/operations.md): a copy elsewhere survives the
 * loss of the data directory, and {@code restore --checkpoint FILE} reads it, or the saved answer of
 * {@code GET /api/audit/checkpoints}.
 */
@ApplicationScoped
public class CheckpointWitness {

    public static final String FILE = "audit-checkpoint.last";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "declass.data-dir")
    String dataDir;

    private volatile String firstHash;

    void onCheckpoint(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditCheckpoint c) {
        try {
            if (firstHash == null) {
                try (Connection connection = dataSource.getConnection()) {
                    firstHash = DatabaseState.hashAt(connection, 1).orElse(null);
                }
            }
            write(Path.of(dataDir), CheckpointCopy.of(c, firstHash));
        } catch (IOException | SQLException | RuntimeException e) {
            Log.warnf("the copy of the audit checkpoint at seq %d was not written to %s: %s", c.seq(),
                    Path.of(dataDir, FILE), e.getMessage());
        }
    }

    /** Replaces the data directory's copy (written beside it first, then moved over it). */
    public static void write(Path dataDir, CheckpointCopy copy) throws IOException {
        Path target = dataDir.resolve(FILE);
        Path part = dataDir.resolve(FILE + ".part");
        PrivateFiles.write(part, BackupManifest.JSON.writeValueAsBytes(copy));
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The data directory's copy, if there is one. */
    public static Optional<CheckpointCopy> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<CheckpointCopy> all = readFile(file);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The checkpoints of a file: one object as this class writes it, or an array as {@code GET /api/audit/checkpoints}
     * answers (oldest first), sorted by seq.
     */
    public static List<CheckpointCopy> readFile(Path file) throws IOException {
        JsonNode root = BackupManifest.JSON.readTree(file.toFile());
        List<CheckpointCopy> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        for (JsonNode n : root.isArray() ? root : List.of(root)) {
            CheckpointCopy c = BackupManifest.JSON.treeToValue(n, CheckpointCopy.class);
            if (c.headHash() == null || c.at() == null || c.signature() == null || c.keyId() == null) {
                throw new IOException(file + " is not a checkpoint file: a checkpoint needs seq, headHash, at,"
                        + " signature and keyId");
            }
            out.add(c);
        }
        out.sort(java.util.Comparator.comparingLong(CheckpointCopy::seq));
        return out;
    }
}
