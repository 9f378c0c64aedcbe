/**
 * The audit trail: append-only, hash-chained entries of who did what to which cable, written by an explicit
 * {@code auditTrail.record(...)} call in the same transaction as the change; signed checkpoints of the chain
 * head; verification, queries, exports and the audit pages. A leaf: imports no other Declass feature. See
 * docs/audit.md.
 */
package org.declass.audit;
