package org.declass.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with database rights tampers with the trail directly; verification names the case and the entry. Each
 * test gets its own H2 database made from the real migrations: 20 entries, a signed checkpoint at entry 18.
 */
class AuditTamperTest {

    AuditTestDatabase db;

    @BeforeEach
    void twentyEntriesCheckpointedAtEighteen() throws Exception {
        db = new AuditTestDatabase();
        db.append(18);
        db.checkpoint();
        db.append(2);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void anUntouchedTrailVerifies() {
        VerifyReport r = db.verify();
        assertThat(r.ok()).isTrue();
        assertThat(r.checked()).isEqualTo(20);
        assertThat(r.firstBroken()).isNull();
        assertThat(r.checkpoints()).isEqualTo(1);
    }

    @Test
    void theTriggersRejectUpdateAndDeleteOnEntriesAndCheckpoints() {
        assertThatThrownBy(() -> db.exec("UPDATE audit_entry SET note = 'x' WHERE seq = 3"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.exec("DELETE FROM audit_entry WHERE seq = 20"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.exec("DELETE FROM audit_checkpoint")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.exec("UPDATE audit_checkpoint SET seq = 1")).hasMessageContaining("append-only");
        assertThat(db.verify().ok()).isTrue();
    }

    @Test
    void anAlteredFieldIsReportedAsAlteredAtThatEntry() throws Exception {
        db.dropTriggers();
        db.exec("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = 7");
        assertBroken(7, VerifyReport.ALTERED);
    }

    @Test
    void aDeletedMiddleRowIsReportedAsMissing() throws Exception {
        db.dropTriggers();
        db.exec("DELETE FROM audit_entry WHERE seq = 9");
        assertBroken(9, VerifyReport.MISSING);
    }

    @Test
    void twoSwappedRowsAreReportedAsReordered() throws Exception {
        db.dropTriggers();
        db.exec("UPDATE audit_entry SET seq = -1 WHERE seq = 5");
        db.exec("UPDATE audit_entry SET seq = 5 WHERE seq = 11");
        db.exec("UPDATE audit_entry SET seq = 11 WHERE seq = -1");
        assertBroken(5, VerifyReport.REORDERED);
    }

    @Test
    void aForgedRowIsReportedAsForged() throws Exception {
        try (PreparedStatement ps = db.connection.prepareStatement(AuditRows.INSERT)) {
            AuditTestDatabase.insert(ps, AuditTestDatabase.sample(21, Instant.now(), "f".repeat(64), "e".repeat(64)));
            ps.executeUpdate();
        }
        assertBroken(21, VerifyReport.FORGED);
    }

    @Test
    void aForgedRowLinkedToTheHeadButWithAMadeUpHashIsReportedAsAltered() throws Exception {
        try (PreparedStatement ps = db.connection.prepareStatement(AuditRows.INSERT)) {
            AuditTestDatabase.insert(ps, AuditTestDatabase.sample(21, Instant.now(), db.headHash, "e".repeat(64)));
            ps.executeUpdate();
        }
        assertBroken(21, VerifyReport.ALTERED);
    }

    @Test
    void deletingTheNewestRowsBeforeTheLastCheckpointIsReportedAsTruncated() throws Exception {
        db.dropTriggers();
        db.exec("DELETE FROM audit_entry WHERE seq >= 16");
        VerifyReport r = assertBroken(16, VerifyReport.TRUNCATED);
        assertThat(r.detail()).contains("up to 18");
    }

    @Test
    void rewritingTheChainWithFreshHashesIsCaughtByTheSignedCheckpoint() throws Exception {
        db.dropTriggers();
        db.exec("DELETE FROM audit_entry WHERE seq >= 12");
        db.head = 11;
        try (var rs = db.connection.createStatement().executeQuery("SELECT hash FROM audit_entry WHERE seq = 11")) {
            rs.next();
            db.headHash = rs.getString(1);
        }
        db.noteSuffix = " (rewritten)";
        db.append(9); // a correctly chained but different history for 12..20
        assertBroken(18, VerifyReport.ALTERED);
    }

    @Test
    void aCheckpointWithAForgedSignatureIsReportedAsForged() throws Exception {
        AuditCheckpoint good = AuditTestDatabase.SIGNER.sign(20, db.headHash, Instant.now());
        // the first byte changed, whatever it was (a fixed "00" left a signature that began with 00 unforged: 1 run in 256)
        String forged = (good.signature().startsWith("00") ? "ff" : "00") + good.signature().substring(2);
        db.insertCheckpoint(new AuditCheckpoint(20, good.headHash(), good.at(), forged, good.keyId()));
        assertBroken(20, VerifyReport.FORGED);
    }

    @Test
    void theCommandLineVerifiesAndExitsOneWhenBroken(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, "test-only-audit-checkpoint-key-0123456789\n");
        String[] args = {"--url", db.url, "--key-file", key.toString()};
        assertThat(VerifyAuditCommand.run(args)).isZero();
        db.dropTriggers();
        db.exec("UPDATE audit_entry SET note = 'rewritten' WHERE seq = 4");
        assertThat(VerifyAuditCommand.run(args)).isEqualTo(1);
        Files.writeString(key, "another-key-entirely-0123456789\n");
        db.exec("UPDATE audit_entry SET note = 'entry number 4' WHERE seq = 4");
        assertThat(VerifyAuditCommand.run(args)).isEqualTo(1);
    }

    private VerifyReport assertBroken(long seq, String problem) {
        VerifyReport r = db.verify();
        assertThat(r.ok()).as(r.toString()).isFalse();
        assertThat(r.problem()).as(r.toString()).isEqualTo(problem);
        assertThat(r.firstBroken()).as(r.toString()).isEqualTo(seq);
        return r;
    }
}
