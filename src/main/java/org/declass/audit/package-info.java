/**
 * The audit trail: append-only, hash-chained entries of who did what to which cable, written by an explicit
 * {@code auditTrail.record(...)} call in the same transaction as the change; signed checkpoints of the chain
 * head; verification, queries, exports and the audit pages; sign-ins, whose failures are counted in memory and
 * written in bursts, one entry per client address ({@link org.declass.audit.SignInAudit}). Every entry is shown
 * through the disclosure decision ({@link org.declass.audit.EntryLens}): a note or reason is classified at what
 * it is attached to. Imports {@code security} and {@code marking} only; what an entry is attached to comes in
 * through {@link org.declass.audit.AttachedClassifications}, implemented in {@code cable}. See docs/audit.md.
 */
package org.declass.audit;
