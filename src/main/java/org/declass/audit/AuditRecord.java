package org.declass.audit;

import java.time.Instant;

/**
 * One entry of the trail exactly as stored, hash included: what verification, exports and the API work on.
 * {@code codes} and {@code actorRoles} are comma-separated; {@code at} has microsecond precision.
 */
public record AuditRecord(long seq, Instant at, String actor, String actorRoles, String action, Long cableId,
                          String cableReference, Integer paragraph, Integer spanStart, Integer spanEnd, String codes,
                          String markingBefore, String markingAfter, String note, String requestId,
                          String clientAddress, String prevHash, String hash) {
}
