package org.declass.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/**
 * Checks the hash chain and the signed checkpoints, streaming: constant memory whatever the length of the trail.
 * Shared by {@code GET /api/audit/verify} and the command line ({@link VerifyAuditCommand}).
 *
 * <p>It stops at the first problem and names it:
 * <ul>
 * <li><b>missing</b>: a sequence number is absent (a row was deleted);</li>
 * <li><b>altered</b>: an entry's content no longer matches its hash, or an entry differs from a signed
 * checkpoint;</li>
 * <li><b>reordered</b>: the entry at this position belongs elsewhere in the chain (rows were swapped);</li>
 * <li><b>forged</b>: an entry that belongs nowhere in the chain, or a checkpoint with an invalid signature;</li>
 * <li><b>truncated</b>: the trail ends before the last signed checkpoint (the newest rows were deleted).</li>
 * </ul>
 */
public final class ChainVerifier {

    /** How far ahead to look for the rightful successor when the chain breaks, to tell a swap from a forgery. */
    static final int LOOKAHEAD = 1000;

    private final CheckpointSigner signer;

    public ChainVerifier(CheckpointSigner signer) {
        this.signer = signer;
    }

    /**
     * @param rows        the entries in ascending seq order
     * @param checkpoints the checkpoints in ascending seq order
     */
    public VerifyReport verify(Iterator<AuditRecord> rows, List<AuditCheckpoint> checkpoints) {
        return verifyHashed(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Hashed next() {
                AuditRecord r = rows.next();
                return new Hashed(r, AuditChain.selfConsistent(r));
            }
        }, checkpoints);
    }

    /** Opens one more connection to the same database, for one reader thread; the reader closes it. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * The whole trail of a database, read by {@link TrailReader} on one connection per core ({@code connections}
     * opens them; {@code connection} reads the bounds, the checkpoints and what is appended meanwhile): the same
     * checks and the same report as {@link #verify(Iterator, List)} over {@link AuditRows#ascending}.
     */
    public VerifyReport verify(Connection connection, Connections connections) {
        return verify(connection, connections, TrailReader.defaultThreads(), AuditRows.PAGE);
    }

    VerifyReport verify(Connection connection, Connections connections, int threads, int page) {
        List<AuditCheckpoint> checkpoints = AuditRows.checkpoints(connection);
        try (TrailReader rows = new TrailReader(connection, connections, threads, page)) {
            return verifyHashed(rows, checkpoints);
        }
    }

    /** An entry and whether its stored hash is that of its stored prev_hash and content, computed by its reader. */
    record Hashed(AuditRecord record, boolean selfConsistent) {
    }

    VerifyReport verifyHashed(Iterator<Hashed> rows, List<AuditCheckpoint> checkpoints) {
        long started = System.nanoTime();
        for (AuditCheckpoint c : checkpoints) {
            if (!signer.keyId().equals(c.keyId())) {
                return broken(started, 0, c.seq(), VerifyReport.FORGED, "the checkpoint at seq " + c.seq()
                        + " names key " + c.keyId() + " but the configured key is " + signer.keyId()
                        + ": a forged checkpoint, or verification with the wrong key", checkpoints.size());
            }
            if (!signer.valid(c)) {
                return broken(started, 0, c.seq(), VerifyReport.FORGED, "the checkpoint at seq " + c.seq()
                        + " has an invalid signature", checkpoints.size());
            }
        }
        Iterator<AuditCheckpoint> cps = checkpoints.iterator();
        AuditCheckpoint cp = cps.hasNext() ? cps.next() : null;
        long expected = 1;
        String prev = AuditChain.GENESIS;
        long checked = 0;
        while (rows.hasNext()) {
            Hashed h = rows.next();
            AuditRecord r = h.record();
            checked++;
            if (r.seq() > expected) {
                String which = r.seq() - 1 == expected ? "entry " + expected + " is" : "entries " + expected + " to "
                        + (r.seq() - 1) + " are";
                return broken(started, checked, expected, VerifyReport.MISSING, which + " missing (deleted)",
                        checkpoints.size());
            }
            if (r.seq() < expected) {
                return broken(started, checked, r.seq(), VerifyReport.REORDERED, "entry " + r.seq()
                        + " appears after entry " + (expected - 1), checkpoints.size());
            }
            boolean linked = prev.equals(r.prevHash());
            boolean self = h.selfConsistent();
            if (!linked || !self) {
                return brokenLink(started, checked, r, linked, self, prev, rows, checkpoints.size());
            }
            if (cp != null && cp.seq() == r.seq()) {
                if (!cp.headHash().equals(r.hash())) {
                    return broken(started, checked, r.seq(), VerifyReport.ALTERED, "entry " + r.seq()
                            + " differs from the checkpoint signed at " + AuditChain.formatAt(cp.at())
                            + ": the chain up to it was rewritten", checkpoints.size());
                }
                cp = cps.hasNext() ? cps.next() : null;
            }
            prev = r.hash();
            expected++;
        }
        if (cp != null) {
            AuditCheckpoint last = cp;
            while (cps.hasNext()) {
                last = cps.next();
            }
            return broken(started, checked, expected, VerifyReport.TRUNCATED, "the trail ends at entry "
                    + (expected - 1) + " but the checkpoint signed at " + AuditChain.formatAt(last.at())
                    + " covers entries up to " + last.seq() + ": the newest entries were deleted", checkpoints.size());
        }
        return new VerifyReport(true, checked, millis(started), null, null,
                checked + " entries and " + checkpoints.size() + " checkpoints check out", checkpoints.size());
    }

    private VerifyReport brokenLink(long started, long checked, AuditRecord r, boolean linked, boolean self,
                                    String prev, Iterator<Hashed> rows, int checkpoints) {
        if (linked) {
            return broken(started, checked, r.seq(), VerifyReport.ALTERED, "entry " + r.seq()
                    + " no longer matches its hash", checkpoints);
        }
        if (self) {
            return broken(started, checked, r.seq() - 1, VerifyReport.ALTERED, "entry " + (r.seq() - 1)
                    + " was rewritten with a new hash: entry " + r.seq() + " recorded a different one", checkpoints);
        }
        for (int i = 0; i < LOOKAHEAD && rows.hasNext(); i++) {
            AuditRecord later = rows.next().record();
            checked++;
            if (prev.equals(later.prevHash())) {
                return broken(started, checked, r.seq(), VerifyReport.REORDERED, "entry " + r.seq()
                        + " is out of place: the entry that follows " + (r.seq() - 1) + " in the chain is stored as "
                        + later.seq(), checkpoints);
            }
        }
        return broken(started, checked, r.seq(), VerifyReport.FORGED, "entry " + r.seq()
                + " belongs nowhere in the chain: neither its hash nor its link to entry " + (r.seq() - 1)
                + " checks out", checkpoints);
    }

    private static VerifyReport broken(long started, long checked, long seq, String problem, String detail,
                                       int checkpoints) {
        return new VerifyReport(false, checked, millis(started), seq, problem, detail, checkpoints);
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
