package org.declass.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh H2 database holding only the audit tables, made from the real migrations (db/migration/V2 and the H2
 * trigger), filled over JDBC with a correctly chained trail: for tamper tests, the command line and benchmarks.
 */
final class AuditTestDatabase implements AutoCloseable {

    static final CheckpointSigner SIGNER = CheckpointSigner.ofText("test-only-audit-checkpoint-key-0123456789");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String url;
    final Connection connection;
    long head;
    String headHash = AuditChain.GENESIS;
    /** Changed by a test to write a different history. */
    String noteSuffix = "";

    AuditTestDatabase() throws SQLException, IOException {
        this("jdbc:h2:mem:audit-test-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    AuditTestDatabase(String url) throws SQLException, IOException {
        this.url = url;
        this.connection = DriverManager.getConnection(url, "declass", "declass");
        run("db/migration/V2__audit.sql");
        run("db/h2/V2_1__audit_append_only.sql");
        try (Statement st = connection.createStatement()) {
            st.execute("ALTER TABLE audit_entry ADD COLUMN attempted_name VARCHAR(200)"); // as V17 does
        }
    }

    private void run(String resource) throws SQLException, IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder clean = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        try (Statement st = connection.createStatement()) {
            for (String statement : clean.toString().split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        }
    }

    /** Appends n chained entries in batches, as AuditTrail would compute them. */
    void append(int n) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(AuditRows.INSERT)) {
            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < n; i++) {
                long seq = head + 1;
                AuditRecord draft = withNote(sample(seq, base.plusMillis(seq), headHash, null), noteSuffix);
                String hash = AuditChain.hash(headHash, AuditChain.canonical(draft));
                insert(ps, withNote(sample(seq, draft.at(), headHash, hash), noteSuffix));
                ps.addBatch();
                head = seq;
                headHash = hash;
                if (seq % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private static AuditRecord withNote(AuditRecord r, String suffix) {
        return suffix.isEmpty() ? r : new AuditRecord(r.seq(), r.at(), r.actor(), r.actorRoles(), r.action(),
                r.cableId(), r.cableReference(), r.paragraph(), r.spanStart(), r.spanEnd(), r.codes(),
                r.markingBefore(), r.markingAfter(), r.note() + suffix, r.requestId(), r.clientAddress(),
                r.attemptedName(), r.prevHash(), r.hash());
    }

    static AuditRecord sample(long seq, Instant at, String prev, String hash) {
        boolean redaction = seq % 3 == 0;
        return new AuditRecord(seq, AuditChain.storedTime(at), "user" + (seq % 7), "REVIEWER",
                redaction ? "REDACTION_ADDED" : "PORTIONS_READ", 1000 + seq % 50, "09TEST" + (1000 + seq % 50),
                redaction ? (int) (seq % 9) : null, redaction ? 10 : null, redaction ? 42 : null,
                redaction ? "1.4(d)" : null, null, null, "entry number " + seq, "req-" + seq, "10.0.0." + (seq % 250),
                null, prev, hash);
    }

    static void insert(PreparedStatement ps, AuditRecord r) throws SQLException {
        ps.setLong(1, r.seq());
        ps.setObject(2, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
        ps.setString(3, r.actor());
        ps.setString(4, r.actorRoles());
        ps.setString(5, r.action());
        ps.setObject(6, r.cableId());
        ps.setString(7, r.cableReference());
        ps.setObject(8, r.paragraph());
        ps.setObject(9, r.spanStart());
        ps.setObject(10, r.spanEnd());
        ps.setString(11, r.codes());
        ps.setString(12, r.markingBefore());
        ps.setString(13, r.markingAfter());
        ps.setString(14, r.note());
        ps.setString(15, r.requestId());
        ps.setString(16, r.clientAddress());
        ps.setString(17, r.prevHash());
        ps.setString(18, r.hash());
        ps.setString(19, r.attemptedName());
    }

    /** Signs the current head and stores the checkpoint. */
    AuditCheckpoint checkpoint() throws SQLException {
        AuditCheckpoint c = SIGNER.sign(head, headHash, Instant.parse("2026-01-02T00:00:00Z").plusSeconds(head));
        insertCheckpoint(c);
        return c;
    }

    void insertCheckpoint(AuditCheckpoint c) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO audit_checkpoint (seq, head_hash, at, signature, key_id) VALUES (?,?,?,?,?)")) {
            ps.setLong(1, c.seq());
            ps.setString(2, c.headHash());
            ps.setObject(3, OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC));
            ps.setString(4, c.signature());
            ps.setString(5, c.keyId());
            ps.executeUpdate();
        }
    }

    /** What an attacker with database rights does first. */
    void dropTriggers() throws SQLException {
        exec("DROP TRIGGER audit_entry_append_only");
        exec("DROP TRIGGER audit_checkpoint_append_only");
    }

    void exec(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Verifies the trail three ways and insists on one answer: over one connection as before, with the server's
     * parallel readers, and with the readers on ranges of three entries (so that every problem falls near a range's
     * edge). Returns the parallel readers' report.
     */
    VerifyReport verify() {
        VerifyReport single = verifyOnOneConnection();
        VerifyReport parallel = verifyInParallel();
        VerifyReport small = new ChainVerifier(SIGNER).verify(connection, this::open, 3, 3);
        for (VerifyReport other : java.util.List.of(parallel, small)) {
            org.assertj.core.api.Assertions.assertThat(other).usingRecursiveComparison().ignoringFields("millis")
                    .as("the parallel readers' report against the single connection's").isEqualTo(single);
        }
        return parallel;
    }

    VerifyReport verifyOnOneConnection() {
        return new ChainVerifier(SIGNER).verify(AuditRows.ascending(connection, AuditQuery.ALL),
                AuditRows.checkpoints(connection));
    }

    VerifyReport verifyInParallel() {
        return new ChainVerifier(SIGNER).verify(connection, this::open);
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection(url, "declass", "declass");
    }

    @Override
    public void close() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SHUTDOWN");
        } finally {
            connection.close();
        }
    }
}
