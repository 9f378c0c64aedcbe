package org.declass.backup;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.declass.audit.AuditChain;
import org.declass.audit.AuditCheckpoint;

/**
 * A signed checkpoint as text, kept outside the database: in a backup's manifest, in the data directory's
 * {@code audit-checkpoint.last} ({@link CheckpointWitness}), or in a file an operator keeps elsewhere. The fields
 * are those of {@code GET /api/audit/checkpoints} ({@code at} in the canonical format, as signed), so that the
 * answer of that call, saved to a file, is an external checkpoint too; {@code firstHash}, entry 1's hash, says which
 * trail the checkpoint belongs to (absent in the API's answer).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointCopy(long seq, String headHash, String at, String signature, String keyId, String firstHash) {

    public static CheckpointCopy of(AuditCheckpoint c, String firstHash) {
        return new CheckpointCopy(c.seq(), c.headHash(), AuditChain.formatAt(c.at()), c.signature(), c.keyId(),
                firstHash);
    }

    public AuditCheckpoint checkpoint() {
        return new AuditCheckpoint(seq, headHash, Instant.parse(at), signature, keyId);
    }

    public String describe() {
        return "the checkpoint signed at " + at + " over entries up to " + seq;
    }
}
