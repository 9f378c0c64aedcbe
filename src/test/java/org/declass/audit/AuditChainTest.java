package org.declass.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final AuditRecord SAMPLE = new AuditRecord(7, Instant.parse("2026-01-02T03:04:05.123456Z"), "reviewer",
            "REVIEWER", "REDACTION_ADDED", 42L, "09MONTEVIDEO1101", 3, 10, 42, "1.4(d),25X1", "CONFIDENTIAL",
            "SECRET", "quote \" back\\ slash\nnew\ttab\u0001 é ✓", null, "127.0.0.1", null, AuditChain.GENESIS, null);

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

    /** Follows SAMPLE in a chain: a failed sign-in's entry, with the 17th canonical element. */
    static final AuditRecord FAILED_SIGN_IN = new AuditRecord(8, Instant.parse("2026-01-02T03:04:06.000001Z"),
            "anonymous", "ANONYMOUS", "LOGIN_FAILED", null, null, null, null, null, null, null, null,
            "2 failed sign-ins (basic) from 10.0.0.5 between 03:04:01 and 03:04:05 UTC", null, "10.0.0.5",
            "approver; unknown name (14 characters, fingerprint 0a1b2c3d)",
            "dc323d129343beb36180bc04ef5ccb4f7c911c4c96ebc858211da586d8252437", null);

    @Test
    void anEntryWithoutAnAttemptedNameKeepsTheSixteenElementCanonicalFormItAlwaysHad() {
        assertThat(AuditChain.canonical(SAMPLE)).endsWith(",null,\"127.0.0.1\"]");
        // the stored hash of an entry written before the field existed (the vector above) still verifies
        AuditRecord old = withHash(SAMPLE, "dc323d129343beb36180bc04ef5ccb4f7c911c4c96ebc858211da586d8252437");
        assertThat(AuditChain.selfConsistent(old)).isTrue();
    }

    @Test
    void anAttemptedNameIsAppendedAsASeventeenthElementExactlyAsPythonWritesIt() {
        // python3: json.dumps(fields + [attempted_name], ensure_ascii=False, separators=(',', ':'))
        assertThat(AuditChain.canonical(FAILED_SIGN_IN)).isEqualTo("[8,\"2026-01-02T03:04:06.000001Z\","
                + "\"anonymous\",\"ANONYMOUS\",\"LOGIN_FAILED\",null,null,null,null,null,null,null,null,"
                + "\"2 failed sign-ins (basic) from 10.0.0.5 between 03:04:01 and 03:04:05 UTC\",null,\"10.0.0.5\","
                + "\"approver; unknown name (14 characters, fingerprint 0a1b2c3d)\"]");
        assertThat(AuditChain.hash(FAILED_SIGN_IN.prevHash(), AuditChain.canonical(FAILED_SIGN_IN)))
                .isEqualTo("61d1c22702e0d5aa1d3834b0ab34d9d8e5ce839474135519c3d0dda23bd7ded9");
    }

    @Test
    void aChainOfAnOldStyleEntryAndAnEntryWithAnAttemptedNameVerifiesAndAChangedNameDoesNot() {
        AuditRecord first = withHash(new AuditRecord(1, SAMPLE.at(), "reviewer", "REVIEWER", "REDACTION_ADDED", 42L,
                "09MONTEVIDEO1101", 3, 10, 42, "1.4(d)", null, null, "old-style", null, "127.0.0.1", null,
                AuditChain.GENESIS, null), null);
        AuditRecord second = withHash(new AuditRecord(2, FAILED_SIGN_IN.at(), "anonymous", "ANONYMOUS",
                "LOGIN_FAILED", null, null, null, null, null, null, null, null, FAILED_SIGN_IN.note(), null,
                "10.0.0.5", FAILED_SIGN_IN.attemptedName(), first.hash(), null), null);
        ChainVerifier verifier = new ChainVerifier(CheckpointSigner.ofText("one-key-of-at-least-16-bytes"));
        assertThat(verifier.verify(List.of(first, second).iterator(), List.of()).ok()).isTrue();

        AuditRecord renamed = new AuditRecord(2, second.at(), second.actor(), second.actorRoles(), second.action(),
                null, null, null, null, null, null, null, null, second.note(), null, second.clientAddress(),
                "approver", second.prevHash(), second.hash());
        VerifyReport broken = verifier.verify(List.of(first, renamed).iterator(), List.of());
        assertThat(broken.ok()).isFalse();
        assertThat(broken.problem()).isEqualTo(VerifyReport.ALTERED);
        AuditRecord dropped = new AuditRecord(2, second.at(), second.actor(), second.actorRoles(), second.action(),
                null, null, null, null, null, null, null, null, second.note(), null, second.clientAddress(),
                null, second.prevHash(), second.hash());
        assertThat(verifier.verify(List.of(first, dropped).iterator(), List.of()).ok()).isFalse();
    }

    /** The record with the given hash, or (null) with the hash computed from its content. */
    static AuditRecord withHash(AuditRecord r, String hash) {
        String h = hash != null ? hash : AuditChain.hash(r.prevHash(), AuditChain.canonical(r));
        return new AuditRecord(r.seq(), r.at(), r.actor(), r.actorRoles(), r.action(), r.cableId(),
                r.cableReference(), r.paragraph(), r.spanStart(), r.spanEnd(), r.codes(), r.markingBefore(),
                r.markingAfter(), r.note(), r.requestId(), r.clientAddress(), r.attemptedName(), r.prevHash(), h);
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
