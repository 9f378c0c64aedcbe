package org.declass.audit;

import java.time.Instant;

/** A signed statement "the chain had this head at this time"; see {@link CheckpointSigner}. */
public record AuditCheckpoint(long seq, String headHash, Instant at, String signature, String keyId) {
}
