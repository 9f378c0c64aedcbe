package org.declass.audit;

import java.time.Instant;

/**
 * One entry of the trail exactly as stored, hash included: what verification, exports and the API work on.
 * {@code codes} and {@code actorRoles} are comma-separated; {@code at} has microsecond precision.
 * {@code attemptedName} is set on LOGIN_FAILED entries only (the cleaned names tried, see {@link SignInAudit}),
 * null everywhere else; it enters the canonical form only when set ({@link AuditChain}).
 */
public record AuditRecord(long seq, Instant at, String actor, String actorRoles, String action, Long cableId,
                          String cableReference, Integer paragraph, Integer spanStart, Integer spanEnd, String codes,
                          String markingBefore, String markingAfter, String note, String requestId,
                          String clientAddress, String attemptedName, String prevHash, String hash) {
}
