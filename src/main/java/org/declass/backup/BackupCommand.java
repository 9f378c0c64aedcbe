package org.declass.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import org.declass.audit.AuditKeys;
import org.declass.audit.CheckpointSigner;

/**
 * {@code backup [--data-dir DIR] [--out DIR] [--keep N] [--url JDBC-URL --user U --password P] [--key-file F]}.
 * <ul>
 * <li>H2, with the server stopped: the same archive as {@code POST /api/admin/backup} ({@link H2Backup}), into
 * {@code --out} (default {@code <data-dir>/backups}), keeping the newest {@code --keep} (default 7). While the server
 * runs, H2's lock keeps this command out: it says so and names the endpoint.</li>
 * <li>PostgreSQL: writes the archive without the database (the key files and the manifest with the trail's state)
 * and prints the exact {@code pg_dump} command that writes the database beside it, and the {@code pg_restore}
 * commands that bring it back.</li>
 * </ul>
 * Exit 0 done, 1 failed, 2 cannot run (bad arguments, server running).
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static int run(String[] args, PrintStream out) throws IOException, SQLException {
        String dataDir = null;
        String url = null;
        String user = null;
        String password = null;
        String keyFile = null;
        String outDir = null;
        int keep = 7;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = value(args, ++i);
                case "--url" -> url = value(args, ++i);
                case "--user" -> user = value(args, ++i);
                case "--password" -> password = value(args, ++i);
                case "--key-file" -> keyFile = value(args, ++i);
                case "--out" -> outDir = value(args, ++i);
                case "--keep" -> keep = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: backup"
                        + " [--data-dir DIR] [--out DIR] [--keep N] [--url JDBC-URL --user U --password P]"
                        + " [--key-file FILE]");
            }
        }
        Target target = Target.of(dataDir, url, user, password, keyFile).refuseIfServerRunning();
        Path dir = outDir != null ? Path.of(outDir).toAbsolutePath() : target.dataDir().resolve("backups");
        CheckpointSigner signer = target.signer(null);
        List<String> notes = new ArrayList<>();
        if (System.getenv("DECLASS_AUDIT_KEY") != null || keyFile != null) {
            notes.add("the audit checkpoint key was not taken from the data directory and is not in this backup:"
                    + " keep it in your secret store");
        }
        if (target.postgres()) {
            return postgres(target, dir, signer, notes, out);
        }
        if (!java.nio.file.Files.isRegularFile(target.h2File())) {
            throw new IllegalArgumentException("no H2 database at " + target.h2File() + " (--data-dir)");
        }
        H2Backup.Taken taken;
        try (Connection c = target.connect(";IFEXISTS=TRUE")) {
            taken = H2Backup.take(c, dir, target.dataDir(), signer, Target.appVersion(), Instant.now(), notes);
        }
        report(taken.manifest(), taken.file(), taken.size(), out);
        for (Path p : H2Backup.prune(dir, keep)) {
            out.println("deleted the older backup " + p.getFileName() + " (keeping " + keep + ")");
        }
        out.println("Copy it off this machine (docs/operations.md, \"Backup and restore\"). It holds the key files:"
                + " store it encrypted.");
        return 0;
    }

    private static int postgres(Target target, Path dir, CheckpointSigner signer, List<String> notes, PrintStream out)
            throws IOException, SQLException {
        Instant now = Instant.now();
        String name = H2Backup.PREFIX + H2Backup.STAMP.format(now);
        Path dump = dir.resolve(name + ".dump");
        notes.add("the database is in " + dump.getFileName() + " (pg_dump --format=custom), beside this archive");
        DatabaseState state;
        try (Connection c = target.connect("")) {
            state = DatabaseState.read(c);
        }
        org.declass.security.PrivateFiles.createDirectories(dir);
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, now.toString(), Target.appVersion(),
                "postgresql", state.schemaVersion(), BackupManifest.Audit.of(state), signer.keyId(), List.of(), notes);
        Path archive = dir.resolve(name + ".zip");
        BackupManifest written = BackupArchive.write(archive, manifest, null, target.dataDir(), signer);
        report(written, archive, java.nio.file.Files.size(archive), out);
        Target.Pg pg = Target.Pg.of(target.url());
        out.println();
        out.println("PostgreSQL: Declass does not copy the database itself. Now run (as a user who may read every"
                + " table of " + pg.database() + "):");
        out.println();
        out.printf(Locale.ROOT, "  PGPASSWORD=\"$DECLASS_DB_PASSWORD\" pg_dump --format=custom --no-owner"
                + " --host=%s --port=%d --username=%s --file=%s %s%n", pg.host(), pg.port(), target.user(), dump,
                pg.database());
        out.println();
        out.println("The dump then holds at least the " + state.auditEntries() + " audit entries of the manifest."
                + " To restore, into a new, empty database:");
        out.println();
        out.printf(Locale.ROOT, "  createdb --host=%s --port=%d --username=postgres --owner=%s %s_restored%n",
                pg.host(), pg.port(), target.user(), pg.database());
        out.printf(Locale.ROOT, "  PGPASSWORD=\"$DECLASS_DB_PASSWORD\" pg_restore --exit-on-error --no-owner"
                + " --host=%s --port=%d --username=%s --dbname=%s_restored %s%n", pg.host(), pg.port(),
                target.user(), pg.database(), dump);
        out.printf(Locale.ROOT, "  java -jar quarkus-run.jar restore --url jdbc:postgresql://%s:%d/%s_restored %s%n",
                pg.host(), pg.port(), pg.database(), archive);
        out.println();
        out.println("Copy both files off this machine. The archive holds the key files: store it encrypted.");
        return 0;
    }

    private static void report(BackupManifest m, Path file, long bytes, PrintStream out) {
        out.printf(Locale.ROOT, "backup written: %s (%,d bytes)%n", file, bytes);
        out.printf(Locale.ROOT, "  taken %s by Declass %s, %s database, schema version %s%n", m.createdAt(),
                m.appVersion(), m.database(), m.schemaVersion());
        out.printf(Locale.ROOT, "  audit trail: %,d entries, last signed checkpoint %s%n", m.audit().entries(),
                m.audit().lastCheckpoint() == null ? "none" : "at entry " + m.audit().lastCheckpoint().seq() + ", "
                        + m.audit().lastCheckpoint().at());
        for (BackupManifest.FileEntry f : m.files()) {
            out.printf(Locale.ROOT, "  %s (%,d bytes, sha256 %s)%n", f.name(), f.size(), f.sha256());
        }
        for (String n : m.notes() == null ? List.<String>of() : m.notes()) {
            out.println("  note: " + n);
        }
    }

    static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /**
     * The database and data directory a {@code backup} or {@code restore} command works on, from its arguments and the
     * same environment the server reads: {@code --data-dir} (else {@code -Ddeclass.data-dir}, {@code DECLASS_DATA_DIR},
     * {@code ./data}); H2 in {@code <data-dir>/declass}, unless {@code --url} names another database, or the profile
     * includes {@code pg} ({@code -Dquarkus.profile} / {@code QUARKUS_PROFILE}), when {@code DECLASS_DB_URL},
     * {@code DECLASS_DB_USER} and {@code DECLASS_DB_PASSWORD} apply as for the server.
     */
    static record Target(Path dataDir, String url, String user, String password, String keyFile) {

        static Target of(String dataDirArg, String urlArg, String userArg, String passwordArg, String keyFile) {
            String dir = dataDirArg != null ? dataDirArg : System.getProperty("declass.data-dir",
                    env("DECLASS_DATA_DIR", "./data"));
            Path dataDir = Path.of(dir).toAbsolutePath().normalize();
            String profile = System.getProperty("quarkus.profile", env("QUARKUS_PROFILE", ""));
            boolean pgProfile = java.util.Arrays.asList(profile.split(",")).contains("pg");
            String url = urlArg != null ? urlArg : pgProfile
                    ? env("DECLASS_DB_URL", "jdbc:postgresql://localhost:5432/declass")
                    : "jdbc:h2:file:" + dataDir.resolve("declass");
            String user = userArg != null ? userArg : pgProfile || url.startsWith("jdbc:postgresql:")
                    ? env("DECLASS_DB_USER", "declass") : "declass";
            String password = passwordArg != null ? passwordArg : pgProfile || url.startsWith("jdbc:postgresql:")
                    ? env("DECLASS_DB_PASSWORD", "declass") : "declass";
            return new Target(dataDir, url, user, password, keyFile);
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : v;
        }

        boolean postgres() {
            return url.startsWith("jdbc:postgresql:");
        }

        /** The H2 database file ({@code <data-dir>/declass.mv.db}). */
        Path h2File() {
            return dataDir.resolve("declass.mv.db");
        }

        /** Opens the database; an H2 file that the running server holds is refused with a sentence saying so. */
        /** Refuses an H2 data directory that a running server holds ({@link RestoreCheck#LOCK}). */
        Target refuseIfServerRunning() {
            if (!postgres() && RestoreCheck.serverRunning(dataDir)) {
                throw new IllegalArgumentException("the server is running on " + dataDir + " (it holds "
                        + RestoreCheck.LOCK + "). Stop it first, or take the backup through the server: POST"
                        + " /api/admin/backup as an administrator (docs/operations.md, \"Backup and restore\")");
            }
            return this;
        }

        Connection connect(String h2Options) throws SQLException {
            refuseIfServerRunning();
            String jdbc = postgres() || !url.startsWith("jdbc:h2:file:") ? url : url + h2Options;
            try {
                Class.forName(postgres() ? "org.postgresql.Driver" : "org.h2.Driver");
            } catch (ClassNotFoundException e) {
                // DriverManager finds it through the service loader, or says it found none
            }
            try {
                return DriverManager.getConnection(jdbc, user, password);
            } catch (SQLException e) {
                if (e.getErrorCode() == 90020 || String.valueOf(e.getMessage()).contains("already in use")) {
                    throw new IllegalArgumentException("the H2 database " + h2File() + " is in use: the server is"
                            + " running. Stop it first, or take the backup through the server: POST /api/admin/backup"
                            + " as an administrator (docs/operations.md, \"Backup and restore\")", e);
                }
                throw e;
            }
        }

        /**
         * The checkpoint key: {@code DECLASS_AUDIT_KEY}, else {@code --key-file}, else the data directory's key file,
         * else {@code fallback} (a key read from the backup), else none.
         */
        CheckpointSigner signer(String fallback) throws IOException {
            String fromEnv = System.getenv("DECLASS_AUDIT_KEY");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return CheckpointSigner.ofText(fromEnv.trim());
            }
            if (keyFile != null) {
                return CheckpointSigner.ofText(Files.readString(Path.of(keyFile), StandardCharsets.UTF_8).trim());
            }
            if (Files.isRegularFile(dataDir.resolve(AuditKeys.KEY_FILE))) {
                return AuditKeys.load(null, dataDir, false);
            }
            if (fallback != null) {
                return CheckpointSigner.ofText(fallback.trim());
            }
            throw new IllegalArgumentException("no audit checkpoint key: set DECLASS_AUDIT_KEY, give --key-file, or"
                    + " keep " + dataDir.resolve(AuditKeys.KEY_FILE));
        }

        /** The pieces of a PostgreSQL JDBC URL, for pg_dump's and pg_restore's options. */
        record Pg(String host, int port, String database) {
            static Pg of(String jdbcUrl) {
                URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
                String db = u.getPath() == null || u.getPath().length() <= 1 ? "declass" : u.getPath().substring(1);
                return new Pg(u.getHost() == null ? "localhost" : u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(),
                        db);
            }
        }

        static String appVersion() {
            String v = Target.class.getPackage().getImplementationVersion();
            if (v != null) {
                return v;
            }
            try (var in = Target.class.getResourceAsStream("/META-INF/maven/org.declass/declass/pom.properties")) {
                if (in != null) {
                    java.util.Properties p = new java.util.Properties();
                    p.load(in);
                    return p.getProperty("version", "unknown");
                }
            } catch (IOException e) {
                // unknown
            }
            return "unknown";
        }
    }
}
