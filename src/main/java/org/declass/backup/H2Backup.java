package org.declass.backup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.declass.audit.CheckpointSigner;
import org.declass.security.PrivateFiles;

/**
 * Takes a backup of an H2 database: reads the trail's state, has H2 write what it holds in memory to its file
 * ({@code CHECKPOINT}) and copy the database with {@code BACKUP TO} (a
 * consistent copy while others go on writing: entries written meanwhile may be in it too, never half of a
 * transaction), and writes the archive ({@link BackupArchive}). The server ({@link BackupService}) and the
 * {@code backup} command of a stopped server share it.
 */
public final class H2Backup {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String PREFIX = "declass-backup-";

    private H2Backup() {
    }

    /**
     * @param c        a connection to the database (H2)
     * @param outDir   where the archive goes (created 0700)
     * @param dataDir  the data directory, whose key files go into the archive
     * @param notes    what the archive does not hold, for the manifest
     * @return the archive's path and manifest
     */
    public static Taken take(Connection c, Path outDir, Path dataDir, CheckpointSigner signer, String appVersion,
                             Instant now, List<String> notes) throws IOException, SQLException {
        PrivateFiles.createDirectories(outDir);
        DatabaseState state = DatabaseState.read(c);
        Path out = outDir.resolve(PREFIX + STAMP.format(now) + ".zip");
        Path h2Zip = outDir.resolve("." + out.getFileName() + ".h2.zip");
        Files.deleteIfExists(h2Zip);
        try {
            try (Statement s = c.createStatement()) {
                // H2 writes commits to its file up to a second later; BACKUP TO copies the file, so without this the
                // newest transactions (the checkpoint just signed) could be missing from the copy
                s.execute("CHECKPOINT");
                s.execute("BACKUP TO '" + h2Zip.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            PrivateFiles.restrict(h2Zip);
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, now.toString(), appVersion, "h2",
                    state.schemaVersion(), BackupManifest.Audit.of(state), signer.keyId(), List.of(), notes);
            return new Taken(out, BackupArchive.write(out, manifest, h2Zip, dataDir, signer));
        } finally {
            Files.deleteIfExists(h2Zip);
        }
    }

    /** A backup written: the archive and its manifest. */
    public record Taken(Path file, BackupManifest manifest) {
        public long size() throws IOException {
            return Files.size(file);
        }
    }

    /** Deletes all but the newest {@code keep} archives of the directory (by the time in their names); returns them. */
    public static List<Path> prune(Path outDir, int keep) throws IOException {
        List<Path> all = new ArrayList<>();
        if (keep <= 0 || !Files.isDirectory(outDir)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(outDir, PREFIX + "*.zip")) {
            files.forEach(all::add);
        }
        all.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
        List<Path> deleted = new ArrayList<>(all.subList(0, Math.max(0, all.size() - keep)));
        for (Path p : deleted) {
            Files.deleteIfExists(p);
        }
        return deleted;
    }
}
