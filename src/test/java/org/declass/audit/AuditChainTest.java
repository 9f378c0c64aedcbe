package org.declass.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final AuditRecord SAMPLE = new AuditRecord(7, Instant.parse("2026-01-02T03:04:05.123456Z"), "reviewer",
            "REVIEWER", "REDACTION_ADDED", 42L, "09MONTEVIDEO1101", 3, 10, 42, "1.4(d),25X1", "CONFIDENTIAL",
            "SECRET", "quote \" back\\ slash\nnew\ttab\u0001 é ✓", null, "127.0.0.1", AuditChain.GENESIS, null);

    @Test
    void theCanonicalFormIsWhatPythonsJsonDumpsWritesForTheSameFields() {
        // python3: json.dumps(fields, ensure_ascii=False, separators=(',', ':')), see docs/audit.md
        assertThat(AuditChain.canonical(SAMPLE)).isEqualTo("[7,\"2026-01-02T03:04:05.123456Z\",\"reviewer\","
                + "\"REVIEWER\",\"REDACTION_ADDED\",42,\"09MONTEVIDEO1101\",3,10,42,\"1.4(d),25X1\",\"CONFIDENTIAL\","
                + "\"SECRET\",\"quote \\\" back\\\\ slash\\nnew\\ttab\\u0001 é ✓\",null,\"127.0.0.1\"]");
    }

    @Test
    void theHashIsSha256OfThePreviousHashANewlineAndTheCanonicalForm() {
        // python3: hashlib.sha256(('0' * 64 + '\n' + canonical).encode()).hexdigest()
        assertThat(AuditChain.hash(AuditChain.GENESIS, AuditChain.canonical(SAMPLE)))
                .isEqualTo("dc323d129343beb36180bc04ef5ccb4f7c911c4c96ebc858211da586d8252437");
    }

    @Test
    void timesAreKeptToTheMicrosecondInUtc() {
        Instant stored = AuditChain.storedTime(Instant.parse("2026-01-02T03:04:05.123456789Z"));
        assertThat(AuditChain.formatAt(stored)).isEqualTo("2026-01-02T03:04:05.123456Z");
        assertThat(AuditChain.formatAt(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
    }

    @Test
    void aCheckpointSignedWithOneKeyDoesNotVerifyWithAnother() {
        CheckpointSigner signer = CheckpointSigner.ofText("one-key-of-at-least-16-bytes");
        AuditCheckpoint c = signer.sign(10, "ab".repeat(32), Instant.now());
        assertThat(signer.valid(c)).isTrue();
        assertThat(CheckpointSigner.ofText("another-key-of-16-bytes").valid(c)).isFalse();
        assertThat(signer.valid(new AuditCheckpoint(11, c.headHash(), c.at(), c.signature(), c.keyId()))).isFalse();
    }
}
