package org.declass.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.declass.audit.AuditQuery;
import org.declass.audit.AuditRows;
import org.declass.audit.ChainVerifier;
import org.declass.audit.CheckpointSigner;
import org.declass.audit.VerifyReport;

/**
 * The check of a restored database's trail: the whole chain and its signed checkpoints through the audit package's
 * own {@link ChainVerifier}, then the comparison with signed checkpoints kept outside the database (the data
 * directory's {@link CheckpointWitness} copy, files given with {@code --checkpoint}).
 *
 * @param report     the verifier's report
 * @param state      what the database holds
 * @param newer      the newest valid external checkpoint of this trail that the database does not reach, if any
 * @param conflicts  external checkpoints of this trail whose head differs from the entry stored at their seq
 * @param notes      external checkpoints that could not be compared, and why
 */
public record TrailCheck(VerifyReport report, DatabaseState state, Optional<External> newer, List<String> conflicts,
                         List<String> notes) {

    /** A checkpoint kept outside the database, and where it came from. */
    public record External(String source, CheckpointCopy copy) {
    }

    public static TrailCheck run(Connection c, CheckpointSigner signer, List<External> externals) throws SQLException {
        return run(c, null, signer, externals);
    }

    /** As {@link #run(Connection, CheckpointSigner, List)}, the trail read on more connections when given. */
    public static TrailCheck run(Connection c, ChainVerifier.Connections more, CheckpointSigner signer,
                                 List<External> externals) throws SQLException {
        DatabaseState state = DatabaseState.read(c);
        VerifyReport report = more != null ? new ChainVerifier(signer).verify(c, more)
                : new ChainVerifier(signer).verify(AuditRows.ascending(c, AuditQuery.ALL), AuditRows.checkpoints(c));
        External newer = null;
        List<String> conflicts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (External e : externals) {
            CheckpointCopy copy = e.copy();
            String what = copy.describe() + " (" + e.source() + ")";
            if (!signer.keyId().equals(copy.keyId())) {
                notes.add(what + " was signed with key " + copy.keyId() + ", not with the key in use ("
                        + signer.keyId() + "): not compared");
                continue;
            }
            if (!signer.valid(copy.checkpoint())) {
                notes.add(what + " has an invalid signature: not compared");
                continue;
            }
            if (copy.firstHash() != null && state.firstHash() != null && !copy.firstHash().equals(state.firstHash())) {
                notes.add(what + " belongs to another trail (its entry 1 differs from this database's): not compared");
                continue;
            }
            if (copy.seq() > state.auditEntries()) {
                if (newer == null || copy.seq() > newer.copy().seq()) {
                    newer = e;
                }
                continue;
            }
            Optional<String> stored = DatabaseState.hashAt(c, copy.seq());
            if (stored.isPresent() && !stored.get().equals(copy.headHash())) {
                conflicts.add(what + " signed entry " + copy.seq() + " with the hash " + copy.headHash()
                        + ", but this database holds " + stored.get() + " there: its trail was rewritten, or the"
                        + " checkpoint belongs to another installation");
            }
        }
        return new TrailCheck(report, state, Optional.ofNullable(newer), conflicts, notes);
    }

    /** The loud statement that the database is older than a signed checkpoint, or empty when it is not. */
    public Optional<String> olderThanCheckpoint() {
        return newer.map(e -> "THE RESTORED DATABASE IS OLDER THAN THE NEWEST SIGNED CHECKPOINT: its trail ends at"
                + " entry " + state.auditEntries() + ", but " + e.copy().describe() + " (" + e.source() + ")."
                + " Entries " + (state.auditEntries() + 1) + " to " + e.copy().seq() + ", and everything done"
                + " after the backup, are not in this database.");
    }
}
