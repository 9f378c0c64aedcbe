package org.declass.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Verifies the trail from the command line, with the same verifier as {@code GET /api/audit/verify}, straight
 * over JDBC: no server needed. Prints the report as one JSON object; exits 0 when ok, 1 when broken, 2 when it
 * cannot run. See docs/audit.md for the command.
 *
 * <pre>
 * --data-dir DIR   the H2 database DIR/declass (default ./data; the server must be stopped, H2 locks the file)
 * --url URL        any JDBC URL instead (e.g. jdbc:postgresql://host/declass), with --user and --password
 * --key-file FILE  the checkpoint key (default: DECLASS_AUDIT_KEY, else DIR/audit-checkpoint.key)
 * </pre>
 */
public final class VerifyAuditCommand {

    private VerifyAuditCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        String dataDir = "./data";
        String url = null;
        String user = "declass";
        String password = "declass";
        String keyFile = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = args[++i];
                    case "--url" -> url = args[++i];
                    case "--user" -> user = args[++i];
                    case "--password" -> password = args[++i];
                    case "--key-file" -> keyFile = args[++i];
                    case "-h", "--help" -> {
                        System.out.println("usage: VerifyAuditCommand [--data-dir DIR | --url JDBC-URL --user U"
                                + " --password P] [--key-file FILE]");
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            String jdbcUrl = url != null ? url
                    : "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath() + "/declass;IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
            CheckpointSigner signer;
            if (keyFile != null) {
                signer = CheckpointSigner.ofText(java.nio.file.Files.readString(Path.of(keyFile)).trim());
            } else {
                signer = AuditKeys.load(System.getenv("DECLASS_AUDIT_KEY"), Path.of(dataDir), false);
            }
            String jdbcUser = user;
            String jdbcPassword = password;
            try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
                VerifyReport r = new ChainVerifier(signer).verify(c,
                        () -> DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword));
                System.out.println(toJson(r));
                return r.ok() ? 0 : 1;
            }
        } catch (SQLException | RuntimeException | java.io.IOException e) {
            System.err.println("audit verification could not run: " + e.getMessage());
            return 2;
        }
    }

    static String toJson(VerifyReport r) {
        return "{\"ok\":" + r.ok() + ",\"checked\":" + r.checked() + ",\"millis\":" + r.millis() + ",\"firstBroken\":"
                + r.firstBroken() + ",\"problem\":" + quote(r.problem()) + ",\"detail\":" + quote(r.detail())
                + ",\"checkpoints\":" + r.checkpoints() + "}";
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
