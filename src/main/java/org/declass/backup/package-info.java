/**
 * Backup and restore: the online H2 backup ({@code BACKUP TO}) with the data directory's key files and a signed
 * manifest, the {@code backup} and {@code restore} commands of the jar (H2 directly; PostgreSQL around
 * {@code pg_dump} / {@code pg_restore}), the copy of the newest signed checkpoint kept outside the database, and the
 * check of a restored trail before the server opens its port. Imports {@code audit} (the chain verifier, the
 * checkpoint key) and {@code security} (roles, private files). See docs/operations.md, "Backup and restore".
 */
package org.declass.backup;
