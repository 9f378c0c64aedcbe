package org.declass.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.declass.audit.AuditKeys;
import org.declass.audit.CheckpointSigner;
import org.declass.security.PrivateFiles;

/**
 * {@code restore [BACKUP.zip] [--data-dir DIR] [--url JDBC-URL --user U --password P] [--key-file F]
 * [--checkpoint FILE]... [--force]}, with the server stopped.
 * <ol>
 * <li>The archive: every file must match the manifest and the manifest its signature (the audit checkpoint key:
 * {@code DECLASS_AUDIT_KEY}, {@code --key-file}, the data directory's, else the backup's own), or nothing is
 * restored.</li>
 * <li>H2: a target database that holds data (accounts, cables or audit entries) is refused unless {@code --force},
 * which moves it aside ({@code declass.mv.db.before-restore-<time>}), never deletes it. The backup's database is
 * unpacked beside it and its trail verified ({@link TrailCheck}) before it replaces anything. PostgreSQL (and
 * {@code --url}): the database pg_restore filled is verified where it is.</li>
 * <li>The trail must reach the manifest's head; signed checkpoints kept outside the database (the data directory's
 * {@code audit-checkpoint.last}, {@code --checkpoint} files) that the restored trail does not reach are reported
 * loudly: the restore loses what came after the backup. A checkpoint of the same trail that the restored trail
 * contradicts refuses the restore.</li>
 * <li>The key files of the backup that the data directory lacks are put there; one that differs is written beside
 * it as {@code <name>.from-backup}. The checkpoint copy is renewed, and {@value RestoreCheck#MARKER} makes the next
 * start verify the trail again before it opens its port ({@link RestoreCheck}) and record the restore.</li>
 * </ol>
 * Exit 0 restored (also when older than a checkpoint: read the output), 1 refused, 2 cannot run, 3 nothing to verify
 * yet (PostgreSQL before pg_restore).
 */
public final class RestoreCommand {

    static final String BANNER = "!".repeat(100);

    /** How long after the manifest a pg_dump may still have run: entries of that window are expected in the dump. */
    static final java.time.Duration DUMP_WINDOW = java.time.Duration.ofHours(6);

    private RestoreCommand() {
    }

    public static int run(String[] args, PrintStream out) throws IOException, SQLException {
        String backup = null;
        String dataDir = null;
        String url = null;
        String user = null;
        String password = null;
        String keyFile = null;
        boolean force = false;
        List<String> checkpointFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = BackupCommand.value(args, ++i);
                case "--url" -> url = BackupCommand.value(args, ++i);
                case "--user" -> user = BackupCommand.value(args, ++i);
                case "--password" -> password = BackupCommand.value(args, ++i);
                case "--key-file" -> keyFile = BackupCommand.value(args, ++i);
                case "--checkpoint" -> checkpointFiles.add(BackupCommand.value(args, ++i));
                case "--force" -> force = true;
                default -> {
                    if (args[i].startsWith("-") || backup != null) {
                        throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: restore"
                                + " [BACKUP.zip] [--data-dir DIR] [--url JDBC-URL --user U --password P]"
                                + " [--key-file FILE] [--checkpoint FILE]... [--force]");
                    }
                    backup = args[i];
                }
            }
        }
        BackupCommand.Target target = BackupCommand.Target.of(dataDir, url, user, password, keyFile)
                .refuseIfServerRunning();
        boolean inPlace = backup == null || target.postgres() || url != null;
        if (backup == null && !target.postgres() && url == null && !Files.isRegularFile(target.h2File())) {
            throw new IllegalArgumentException("name the backup to restore (restore BACKUP.zip), or keep a database"
                    + " at " + target.h2File() + " to verify in place");
        }
        BackupArchive.Opened archive = backup == null ? null : BackupArchive.open(Path.of(backup));
        try {
            return restore(target, archive, backup == null ? null : Path.of(backup), inPlace, force, checkpointFiles,
                    out);
        } finally {
            if (archive != null) {
                archive.close();
            }
        }
    }

    private static int restore(BackupCommand.Target target, BackupArchive.Opened archive, Path backup,
                               boolean inPlace, boolean force, List<String> checkpointFiles, PrintStream out)
            throws IOException, SQLException {
        String stamp = H2Backup.STAMP.format(Instant.now());
        BackupManifest manifest = archive == null ? null : archive.manifest();
        String backupKey = archive != null && archive.has(BackupArchive.DATA_DIR_PREFIX + AuditKeys.KEY_FILE)
                ? read(archive, BackupArchive.DATA_DIR_PREFIX + AuditKeys.KEY_FILE) : null;
        CheckpointSigner signer = target.signer(backupKey);
        out.println("audit checkpoint key in use: " + signer.keyId());
        if (manifest != null) {
            out.printf(Locale.ROOT, "backup %s: taken %s by Declass %s, %s, schema version %s, %,d audit entries%n",
                    backup.getFileName(), manifest.createdAt(), manifest.appVersion(), manifest.database(),
                    manifest.schemaVersion(), manifest.audit().entries());
            List<String> problems = archive.problems(signer);
            if (!problems.isEmpty()) {
                return refuse(out, "THE BACKUP IS DAMAGED OR WAS TAMPERED WITH; nothing was restored:", problems);
            }
            out.println("archive: every file matches the signed manifest");
            if (!inPlace && !"h2".equals(manifest.database())) {
                return refuse(out, "this backup's database is in a pg_dump file: restore it with pg_restore, then"
                        + " run restore --url JDBC-URL " + backup, List.of());
            }
        }
        List<TrailCheck.External> externals = externals(target.dataDir(), checkpointFiles);
        Path staging = null;
        TrailCheck check;
        if (inPlace) {
            try (Connection c = target.connect(";IFEXISTS=TRUE")) {
                check = TrailCheck.run(c, signer, externals);
            }
            if (check.state().schemaVersion() == null) {
                out.println("the database " + target.url() + " has no Declass schema yet.");
                if (target.postgres()) {
                    BackupCommand.Target.Pg pg = BackupCommand.Target.Pg.of(target.url());
                    out.printf(Locale.ROOT, "Restore the dump into it first:%n  PGPASSWORD=\"$DECLASS_DB_PASSWORD\""
                            + " pg_restore --exit-on-error --no-owner --host=%s --port=%d --username=%s --dbname=%s"
                            + " declass-backup-TIME.dump%nthen run this command again.%n", pg.host(), pg.port(),
                            target.user(), pg.database());
                }
                return 3;
            }
        } else {
            if (Files.isRegularFile(target.h2File())) {
                DatabaseState current;
                try (Connection c = target.connect(";IFEXISTS=TRUE")) {
                    current = DatabaseState.read(c);
                }
                if (current.holdsData() && !force) {
                    return refuse(out, "THE TARGET DATABASE ALREADY HOLDS DATA: " + target.h2File() + " ("
                            + current.describe() + "). A restore would replace it. Restore into an empty data"
                            + " directory, or add --force to move this database aside (it is kept as"
                            + " declass.mv.db.before-restore-TIME).", List.of());
                }
                if (current.holdsData()) {
                    out.println(BANNER);
                    out.println("--force: the target database holds data (" + current.describe() + "); it is moved"
                            + " aside, not deleted");
                    out.println(BANNER);
                }
            }
            staging = target.dataDir().resolve("restore-" + stamp);
            PrivateFiles.createDirectories(staging);
            unpackH2(archive, staging);
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + staging.resolve("declass")
                    + ";IFEXISTS=TRUE", target.user(), target.password())) {
                check = TrailCheck.run(c, signer, externals);
            } catch (SQLException e) {
                deleteTree(staging);
                throw e;
            }
        }
        DatabaseState state = check.state();
        out.printf(Locale.ROOT, "restored database: %s%n", state.describe());
        List<String> refusals = new ArrayList<>();
        if (!check.report().ok()) {
            refusals.add("the audit trail does not verify: " + check.report().problem() + " at entry "
                    + check.report().firstBroken() + ": " + check.report().detail());
        } else {
            out.println("audit trail: " + check.report().detail());
        }
        refusals.addAll(check.conflicts());
        if (manifest != null && manifest.audit().entries() > 0) {
            String at;
            try (Connection c = inPlace ? target.connect(";IFEXISTS=TRUE") : java.sql.DriverManager.getConnection(
                    "jdbc:h2:file:" + staging.resolve("declass") + ";IFEXISTS=TRUE", target.user(),
                    target.password())) {
                at = DatabaseState.hashAt(c, manifest.audit().entries()).orElse(null);
            }
            if (!manifest.audit().headHash().equals(at)) {
                refusals.add("the database does not hold the trail the manifest describes (entry "
                        + manifest.audit().entries() + " with hash " + manifest.audit().headHash() + ")"
                        + (inPlace ? ": pg_restore restored another dump?" : ""));
            }
        }
        if (inPlace && manifest != null && state.auditEntries() > manifest.audit().entries()) {
            // pg_dump ran after the manifest was written: entries of the next minutes are expected, later ones not
            Instant newest;
            try (Connection c = target.connect(";IFEXISTS=TRUE");
                 var ps = c.prepareStatement("SELECT MAX(at) FROM audit_entry");
                 var rs = ps.executeQuery()) {
                rs.next();
                newest = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
            Instant limit = Instant.parse(manifest.createdAt()).plus(DUMP_WINDOW);
            String extra = (state.auditEntries() - manifest.audit().entries()) + " audit entries beyond the"
                    + " manifest's, the newest at " + newest;
            if (newest.isAfter(limit) && !force) {
                refusals.add("THE DATABASE ALREADY HELD DATA, or is not the one restored from this backup: it holds "
                        + extra + ", later than " + limit + " (the backup was taken " + manifest.createdAt()
                        + "; pg_dump runs right after it). Restore into a new, empty database, or add --force");
            } else {
                out.println("the database holds " + extra + " (written while pg_dump ran)");
            }
        }
        if (!refusals.isEmpty()) {
            if (staging != null) {
                deleteTree(staging);
            }
            return refuse(out, "THE RESTORED DATABASE DOES NOT CHECK OUT; " + (inPlace ? "do not start the server"
                    : "nothing was replaced") + ":", refusals);
        }
        for (String note : check.notes()) {
            out.println("note: " + note);
        }
        Optional<String> older = check.olderThanCheckpoint();
        if (older.isPresent()) {
            out.println(BANNER);
            out.println(older.get());
            out.println("The restore goes on: this is the newest state the backup holds. The next start records the"
                    + " loss in the trail (BACKUP_RESTORED).");
            out.println(BANNER);
        }
        if (!inPlace) {
            install(target, staging, stamp, out);
        }
        if (archive != null) {
            restoreKeys(archive, target.dataDir(), out);
        }
        Path witness = target.dataDir().resolve(CheckpointWitness.FILE);
        if (Files.exists(witness)) {
            Files.move(witness, target.dataDir().resolve(CheckpointWitness.FILE + ".before-restore-" + stamp),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        if (state.lastCheckpoint().isPresent()) {
            CheckpointWitness.write(target.dataDir(), CheckpointCopy.of(state.lastCheckpoint().get(),
                    state.firstHash()));
        }
        RestoreCheck.Marker.write(target.dataDir(), new RestoreCheck.Marker(Instant.now().toString(),
                backup == null ? null : backup.getFileName().toString(),
                manifest == null ? null : manifest.createdAt(), state.auditEntries(),
                check.newer().map(e -> "older than " + e.copy().describe() + " (" + e.source() + "): entries "
                        + (state.auditEntries() + 1) + " to " + e.copy().seq() + " are lost").orElse(null)));
        out.println("restored. The next start verifies the trail again before it opens its port, and records the"
                + " restore in the trail.");
        return 0;
    }

    private static List<TrailCheck.External> externals(Path dataDir, List<String> files) throws IOException {
        List<TrailCheck.External> out = new ArrayList<>();
        Optional<CheckpointCopy> witness = CheckpointWitness.read(dataDir);
        witness.ifPresent(w -> out.add(new TrailCheck.External(dataDir.resolve(CheckpointWitness.FILE).toString(), w)));
        for (String f : files) {
            for (CheckpointCopy c : CheckpointWitness.readFile(Path.of(f))) {
                out.add(new TrailCheck.External(f, c));
            }
        }
        return out;
    }

    /** Unpacks the H2 copy into {@code staging/declass.mv.db}: the one {@code .mv.db} file of H2's zip. */
    private static void unpackH2(BackupArchive.Opened archive, Path staging) throws IOException {
        Path h2Zip = staging.resolve("declass-h2.zip");
        archive.extract(BackupArchive.H2_DATABASE, h2Zip);
        boolean found = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(h2Zip))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.isDirectory() && e.getName().endsWith(".mv.db") && !found) {
                    Path db = staging.resolve("declass.mv.db");
                    PrivateFiles.write(db, new byte[0]); // 0600, then filled
                    try (var os = Files.newOutputStream(db)) {
                        zip.transferTo(os);
                    }
                    found = true;
                }
            }
        }
        Files.delete(h2Zip);
        if (!found) {
            throw new IOException(BackupArchive.H2_DATABASE + " holds no H2 database file");
        }
    }

    private static void install(BackupCommand.Target target, Path staging, String stamp, PrintStream out)
            throws IOException {
        Path db = target.h2File();
        if (Files.exists(db)) {
            Path aside = db.resolveSibling("declass.mv.db.before-restore-" + stamp);
            Files.move(db, aside);
            out.println("the database that was there is kept as " + aside);
        }
        Files.deleteIfExists(target.dataDir().resolve("declass.trace.db"));
        Files.move(staging.resolve("declass.mv.db"), db);
        deleteTree(staging);
        out.println("database restored to " + db);
    }

    private static void restoreKeys(BackupArchive.Opened archive, Path dataDir, PrintStream out) throws IOException {
        for (String name : BackupArchive.DATA_DIR_FILES) {
            String entry = BackupArchive.DATA_DIR_PREFIX + name;
            if (!archive.has(entry)) {
                continue;
            }
            Path target = dataDir.resolve(name);
            if (!Files.exists(target)) {
                archive.extract(entry, target);
                out.println("key file restored: " + target);
            } else if (!read(archive, entry).equals(Files.readString(target, StandardCharsets.UTF_8))) {
                Path beside = dataDir.resolve(name + ".from-backup");
                archive.extract(entry, beside);
                out.println("KEY FILE DIFFERS: " + target + " is kept; the backup's copy is " + beside
                        + (name.equals(AuditKeys.KEY_FILE) ? " (the restored checkpoints were checked with the key"
                        + " in use)" : ""));
            }
        }
    }

    private static String read(BackupArchive.Opened archive, String entry) throws IOException {
        Path tmp = Files.createTempFile("declass-restore-", ".key");
        try {
            archive.extract(entry, tmp);
            return Files.readString(tmp, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int refuse(PrintStream out, String headline, List<String> reasons) {
        out.println(BANNER);
        out.println("RESTORE REFUSED: " + headline);
        for (String r : reasons) {
            out.println("  - " + r);
        }
        out.println(BANNER);
        return 1;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
