package org.declass.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.declass.audit.AuditTrail;
import org.declass.audit.CheckpointSigner;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Backs up the running server (an H2 file in a data directory of its own), changes it, restores the backup into an
 * empty data directory with the {@code restore} command, and verifies; then the refusals: a target that holds data, a
 * damaged archive, a changed manifest, a rewritten trail re-signed by someone holding the key, and the start after a
 * restore whose trail does not verify.
 */
@QuarkusTest
@TestProfile(BackupAndRestoreTest.FileDatabase.class)
// evaluated before Quarkus boots: on the PostgreSQL build this profile's H2 URL cannot start, and a failed boot
// fails the test classes that follow it too (the PostgreSQL path is pg_dump's, docs/operations.md)
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*pg.*",
        disabledReason = "an H2 file backup: the PostgreSQL build is backed up with pg_dump")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupAndRestoreTest {

    static final String KEY = "test-only-audit-checkpoint-key-0123456789";
    static final String SESSION_KEY = "session-key-of-the-backup-test";

    /** An H2 file database in a temporary data directory, holding a session key file. */
    public static class FileDatabase implements QuarkusTestProfile {
        static final Path DIR;

        static {
            try {
                DIR = Files.createTempDirectory("declass-backup-test-");
                Files.writeString(DIR.resolve("session.key"), SESSION_KEY);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("declass.data-dir", DIR.toString(),
                    "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + DIR.resolve("declass")
                            + ";DB_CLOSE_ON_EXIT=FALSE;DEFAULT_LOCK_TIMEOUT=10000",
                    "declass.audit.checkpoint-key", KEY,
                    "declass.backup.keep", "2");
        }
    }

    @Inject
    AuditTrail trail;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RestoreCheck restoreCheck;

    static Path backup;
    static long entriesAtBackup;
    static long cablesAtBackup;
    static Path restored;

    static Path keyFile() throws IOException {
        Path key = Files.createTempFile("declass-test-key-", ".key");
        Files.writeString(key, KEY);
        return key;
    }

    record Run(int exit, String output) {
    }

    static Run restore(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = RestoreCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Connection open(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("declass") + ";IFEXISTS=TRUE",
                "declass", "declass");
    }

    @Test
    @Order(1)
    void anAdministratorBacksTheRunningServerUpWithTheKeyFilesAndASignedManifest() throws Exception {
        given().auth().preemptive().basic("auditor", "demo").post("/api/admin/backup").then().statusCode(403);

        JsonPath r = given().auth().preemptive().basic("admin", "demo").post("/api/admin/backup")
                .then().statusCode(200).extract().jsonPath();
        backup = Path.of(r.getString("file"));
        assertThat(backup).exists().hasParent(FileDatabase.DIR.resolve("backups"));
        assertThat(r.getList("files", String.class)).contains(BackupArchive.H2_DATABASE, "data-dir/session.key");
        try (Connection c = dataSource.getConnection()) {
            DatabaseState state = DatabaseState.read(c);
            // the backup's own BACKUP_CREATED entry came after it
            assertThat(r.getLong("auditEntries")).isEqualTo(state.auditEntries() - 1);
            assertThat(r.getLong("lastCheckpointSeq")).isEqualTo(r.getLong("auditEntries"));
            assertThat(single(c, "SELECT COUNT(*) FROM audit_entry WHERE action = 'BACKUP_CREATED' AND actor = 'admin'"
                    + " AND note LIKE 'backup " + backup.getFileName() + "%'")).isEqualTo(1);
            entriesAtBackup = r.getLong("auditEntries");
            cablesAtBackup = single(c, "SELECT COUNT(*) FROM cable");
        }
        assertThat(cablesAtBackup).isPositive();
        try (BackupArchive.Opened a = BackupArchive.open(backup)) {
            assertThat(a.problems(CheckpointSigner.ofText(KEY))).isEmpty();
            assertThat(a.manifest().schemaVersion()).isEqualTo(newestMigration());
            assertThat(a.manifest().audit().lastCheckpoint().seq()).isEqualTo(entriesAtBackup);
            assertThat(a.problems(CheckpointSigner.ofText("another-key-of-at-least-16-bytes")))
                    .anySatisfy(p -> assertThat(p).contains("signed with key"));
        }
    }

    @Test
    @Order(2)
    void aRestoreOfTheBackupAfterChangesBringsBackItsStateAndSaysLoudlyThatItIsOlderThanTheNewestCheckpoint()
            throws Exception {
        // the change: more entries, and a checkpoint whose copy the server keeps outside the database
        given().auth().preemptive().basic("auditor", "demo").get("/api/audit/verify").then().statusCode(200);
        long signedAfter = trail.checkpoint().orElseThrow().seq();
        assertThat(signedAfter).isGreaterThan(entriesAtBackup);
        assertThat(CheckpointWitness.read(FileDatabase.DIR)).get().extracting(CheckpointCopy::seq)
                .isEqualTo(signedAfter);

        restored = Files.createTempDirectory("declass-restored-");
        Run run = restore(backup.toString(), "--data-dir", restored.toString(), "--key-file", keyFile().toString(),
                "--checkpoint", FileDatabase.DIR.resolve(CheckpointWitness.FILE).toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("every file matches the signed manifest")
                // the checkpoint signed just before the copy is in it (H2 was made to write it to its file first)
                .contains(entriesAtBackup + " entries and 1 checkpoints check out")
                .contains("THE RESTORED DATABASE IS OLDER THAN THE NEWEST SIGNED CHECKPOINT")
                .contains("Entries " + (entriesAtBackup + 1) + " to " + signedAfter);
        try (Connection c = open(restored)) {
            DatabaseState state = DatabaseState.read(c);
            // BACKUP_CREATED was recorded after the copy, in the live trail only
            assertThat(state.auditEntries()).isEqualTo(entriesAtBackup);
            assertThat(state.cables()).isEqualTo(cablesAtBackup);
            assertThat(single(c, "SELECT COUNT(*) FROM audit_entry WHERE action = 'AUDIT_VERIFIED' AND seq > "
                    + entriesAtBackup)).isZero();
        }
        assertThat(restored.resolve("session.key")).hasContent(SESSION_KEY);
        for (Path p : List.of(restored.resolve("session.key"), restored.resolve("declass.mv.db"), backup)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                    .as(p.toString()).isEqualTo("rw-------");
        }
        assertThat(CheckpointWitness.read(restored)).get().extracting(CheckpointCopy::seq).isEqualTo(entriesAtBackup);
        assertThat(RestoreCheck.Marker.read(restored)).get().satisfies(m -> assertThat(m.olderThan())
                .contains("entries " + (entriesAtBackup + 1) + " to " + signedAfter + " are lost"));
    }

    @Test
    @Order(3)
    void aRestoreIntoADatabaseThatHoldsDataIsRefusedWithoutForceAndKeepsTheOldDatabaseWithIt() throws Exception {
        Run refused = restore(backup.toString(), "--data-dir", restored.toString(), "--key-file", keyFile().toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output()).contains("THE TARGET DATABASE ALREADY HOLDS DATA");

        Run forced = restore(backup.toString(), "--data-dir", restored.toString(), "--key-file", keyFile().toString(),
                "--force");
        assertThat(forced.exit()).as(forced.output()).isZero();
        try (var files = Files.list(restored)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anySatisfy(n -> assertThat(n).startsWith("declass.mv.db.before-restore-"));
        }
    }

    @Test
    @Order(4)
    void aBackupOfAStoppedDatabaseByTheCommandRestoresWithoutWarnings() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = BackupCommand.run(new String[] {"--data-dir", restored.toString(), "--key-file",
                keyFile().toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(exit).as(bytes.toString(StandardCharsets.UTF_8)).isZero();
        Path taken;
        try (var files = Files.list(restored.resolve("backups"))) {
            taken = files.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Path empty = Files.createTempDirectory("declass-restored-again-");
        Run run = restore(taken.toString(), "--data-dir", empty.toString(), "--key-file", keyFile().toString());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("OLDER THAN").contains("entries and 1 checkpoints check out",
                "check out");
    }

    @Test
    @Order(4)
    void theCommandsRefuseTheDataDirectoryOfARunningServer() {
        assertThatThrownBy(() -> BackupCommand.run(new String[] {"--data-dir", FileDatabase.DIR.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the server is running");
        assertThatThrownBy(() -> restore("--data-dir", FileDatabase.DIR.toString(), "--key-file",
                keyFile().toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the server is running");
    }

    @Test
    @Order(5)
    void aBackupWithADamagedDatabaseFileIsRefusedAndNothingIsRestored() throws Exception {
        Path damaged = rewrite(backup, (name, bytes) -> {
            if (name.equals(BackupArchive.H2_DATABASE)) {
                bytes[bytes.length / 2] ^= 1;
            }
            return bytes;
        });
        Path target = Files.createTempDirectory("declass-restore-damaged-");
        Run run = restore(damaged.toString(), "--data-dir", target.toString(), "--key-file", keyFile().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("THE BACKUP IS DAMAGED OR WAS TAMPERED WITH")
                .contains(BackupArchive.H2_DATABASE + " differs from the manifest");
        assertThat(target.resolve("declass.mv.db")).doesNotExist();
    }

    @Test
    @Order(6)
    void aBackupWhoseManifestWasChangedIsRefused() throws Exception {
        Path changed = rewrite(backup, (name, bytes) -> name.equals(BackupArchive.MANIFEST)
                ? new String(bytes, StandardCharsets.UTF_8).replace("\"h2\"", "\"h2\" ")
                        .getBytes(StandardCharsets.UTF_8)
                : bytes);
        Run run = restore(changed.toString(), "--data-dir", Files.createTempDirectory("declass-restore-m-").toString(),
                "--key-file", keyFile().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("the manifest's signature does not check out");
    }

    @Test
    @Order(7)
    void aBackupWhoseTrailWasRewrittenAndReSignedWithTheKeyIsRefusedByTheChainVerification() throws Exception {
        // someone holding the key edits an audit entry inside the backup and signs a new manifest
        Path work = Files.createTempDirectory("declass-tamper-");
        Path forged;
        try (BackupArchive.Opened a = BackupArchive.open(backup)) {
            a.extract(BackupArchive.H2_DATABASE, work.resolve("h2.zip"));
            unzipInto(work.resolve("h2.zip"), work);
            try (Connection c = open(work); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_entry_append_only");
                s.executeUpdate("UPDATE audit_entry SET note = 'nothing happened' WHERE seq = 3");
                s.execute("SHUTDOWN");
            }
            Path h2Zip = work.resolve("tampered-h2.zip");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(h2Zip))) {
                z.putNextEntry(new ZipEntry("declass.mv.db"));
                Files.copy(work.resolve("declass.mv.db"), z);
                z.closeEntry();
            }
            forged = work.resolve("forged.zip");
            Path keys = Files.createDirectories(work.resolve("keys"));
            BackupArchive.write(forged, a.manifest(), h2Zip, keys, CheckpointSigner.ofText(KEY));
        }
        Path target = Files.createTempDirectory("declass-restore-forged-");
        Run run = restore(forged.toString(), "--data-dir", target.toString(), "--key-file", keyFile().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("every file matches the signed manifest")
                .contains("THE RESTORED DATABASE DOES NOT CHECK OUT")
                .contains("the audit trail does not verify: altered at entry 3");
        assertThat(target.resolve("declass.mv.db")).doesNotExist();
    }

    @Test
    @Order(8)
    void theStartAfterARestoreRecordsItWhenTheTrailVerifiesAndRefusesToStartWhenItDoesNot() throws Exception {
        Path dir = FileDatabase.DIR;
        RestoreCheck.Marker.write(dir, new RestoreCheck.Marker("2026-12-07T12:00:00Z", "declass-backup-x.zip",
                "2026-12-06T02:00:00Z", 5, null));
        restoreCheck.onStart(null);
        assertThat(dir.resolve(RestoreCheck.MARKER)).doesNotExist();
        try (Connection c = dataSource.getConnection()) {
            assertThat(single(c, "SELECT COUNT(*) FROM audit_entry WHERE action = 'BACKUP_RESTORED'"
                    + " AND note LIKE 'restored from declass-backup-x.zip taken 2026-12-06T02:00:00Z%'")).isEqualTo(1);
        }

        RestoreCheck.Marker.write(dir, new RestoreCheck.Marker("2026-12-07T12:00:00Z", "declass-backup-y.zip",
                null, 5, null));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String original;
            try (ResultSet rs = s.executeQuery("SELECT note FROM audit_entry WHERE seq = 2")) {
                rs.next();
                original = rs.getString(1);
            }
            s.execute("DROP TRIGGER audit_entry_append_only");
            try {
                s.executeUpdate("UPDATE audit_entry SET note = 'rewritten' WHERE seq = 2");
                assertThatThrownBy(() -> restoreCheck.onStart(null)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("does not verify, so the server does not start")
                        .hasMessageContaining("altered at entry 2");
                assertThat(dir.resolve(RestoreCheck.MARKER)).exists();
            } finally {
                try (var ps = c.prepareStatement("UPDATE audit_entry SET note = ? WHERE seq = 2")) {
                    ps.setString(1, original);
                    ps.executeUpdate();
                }
                s.execute("CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry FOR EACH ROW"
                        + " CALL 'org.declass.audit.H2AppendOnlyTrigger'");
                Files.deleteIfExists(dir.resolve(RestoreCheck.MARKER));
            }
        }
    }

    interface Edit {
        byte[] apply(String name, byte[] bytes);
    }

    /** A copy of the archive with each entry's bytes passed through {@code edit}. */
    static Path rewrite(Path archive, Edit edit) throws IOException {
        Path out = Files.createTempFile("declass-edited-", ".zip");
        try (ZipFile in = new ZipFile(archive.toFile());
             OutputStream os = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(os)) {
            for (ZipEntry e : List.copyOf(java.util.Collections.list(in.entries()))) {
                byte[] bytes;
                try (var s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(edit.apply(e.getName(), bytes));
                z.closeEntry();
            }
        }
        return out;
    }

    static void unzipInto(Path zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".mv.db")) {
                    Files.copy(in, dir.resolve("declass.mv.db"));
                }
            }
        }
    }

    /** The version of the newest Flyway migration in the source tree ("25" for V25__...). */
    static String newestMigration() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+(_\\d+)?__.*"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf('_')))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
