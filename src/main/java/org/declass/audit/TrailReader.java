package org.declass.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the whole trail oldest first for verification, on several connections at once, and hashes each entry on
 * the thread that read it. Reading a row costs several times what hashing it does, so one connection caps a
 * verification at what one core reads; here each of {@code threads} readers takes every {@code threads}-th range of
 * {@code page} sequence numbers ({@code seq >= lo AND seq < hi}, the primary key), so the cores read and hash at the
 * same time while {@link ChainVerifier} checks the links, the order and the checkpoints in order on the caller's
 * thread, exactly as it does over one connection.
 *
 * <p>The ranges go up to the highest seq when the read starts; entries appended during the read are then read on
 * the caller's thread in keyset pages, as {@link AuditRows#ascending} reads. A trail whose seq range is far wider
 * than its row count (rows deleted, or a forged seq far ahead) is read that way from the start, so that a forged
 * seq cannot make the readers walk millions of empty ranges; the verifier names the gap either way.
 *
 * <p>Entries are append-only and seq is handed out under the head lock, so every seq up to the highest committed
 * one is committed: the connections may each see a later snapshot, never a hole that a single read would not see.
 */
final class TrailReader implements Iterator<ChainVerifier.Hashed>, AutoCloseable {

    /** The readers' default: one per core, at most four (the database's own threads need the rest). */
    static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private static final String RANGE = "SELECT " + AuditRows.COLUMNS
            + " FROM audit_entry WHERE seq >= ? AND seq < ? ORDER BY seq";

    private final Connection callers;
    private final int page;
    private final List<Thread> readers = new ArrayList<>();
    private final List<BlockingQueue<Object>> queues = new ArrayList<>();
    private final long first;
    private final long ranges;
    /** The highest seq when the read started: the ranges end there. */
    private final long last;
    private volatile boolean closed;

    private long range;
    private List<ChainVerifier.Hashed> current = List.of();
    private int index;
    private long lastSeq;
    private boolean rangesDone;
    private boolean tailExhausted;

    /**
     * @param callers     the caller's connection: reads the bounds and the entries appended after the start
     * @param connections opens one connection per reader thread; each is closed when its reader ends
     * @param threads     reader threads
     * @param page        sequence numbers per range
     */
    TrailReader(Connection callers, ChainVerifier.Connections connections, int threads, int page) {
        if (threads < 1 || page < 1) {
            throw new IllegalArgumentException("threads and page must be positive");
        }
        this.callers = callers;
        this.page = page;
        long min = 0;
        long max = 0;
        long count = 0;
        try (PreparedStatement ps = callers.prepareStatement("SELECT MIN(seq), MAX(seq), COUNT(*) FROM audit_entry");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            min = rs.getLong(1);
            max = rs.getLong(2);
            count = rs.getLong(3);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
        boolean dense = count > 0 && max - min + 1 <= 2 * count + (long) page * threads;
        this.first = min;
        this.ranges = dense ? (max - min) / page + 1 : 0;
        this.last = dense ? max : 0;
        this.lastSeq = last;
        this.rangesDone = ranges == 0;
        int started = (int) Math.min(threads, ranges);
        for (int t = 0; t < started; t++) {
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
            queues.add(queue);
            int reader = t;
            Thread thread = new Thread(() -> read(connections, reader, started, queue), "audit-verify-" + t);
            thread.setDaemon(true);
            readers.add(thread);
        }
        readers.forEach(Thread::start);
    }

    /** Reader {@code t} of {@code n}: ranges t, t + n, t + 2n, … into its own queue, in order. */
    private void read(ChainVerifier.Connections connections, int t, int n, BlockingQueue<Object> queue) {
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(RANGE)) {
            ps.setFetchSize(page);
            for (long r = t; r < ranges && !closed; r += n) {
                long lo = first + r * page;
                ps.setLong(1, lo);
                ps.setLong(2, Math.min(lo + page, last + 1)); // what is appended later is the tail's
                List<ChainVerifier.Hashed> rows = new ArrayList<>(page);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditRecord record = AuditRows.read(rs);
                        rows.add(new ChainVerifier.Hashed(record, AuditChain.selfConsistent(record)));
                    }
                }
                put(queue, rows);
            }
        } catch (SQLException | RuntimeException e) {
            put(queue, new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e));
        }
    }

    private void put(BlockingQueue<Object> queue, Object item) {
        try {
            while (!closed && !queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                // the caller is still checking earlier ranges
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        while (index >= current.size()) {
            if (!rangesDone) {
                current = nextRange();
            } else if (!tailExhausted) {
                List<AuditRecord> tail = AuditRows.after(callers, AuditQuery.ALL, lastSeq, AuditRows.PAGE);
                tailExhausted = tail.size() < AuditRows.PAGE;
                List<ChainVerifier.Hashed> hashed = new ArrayList<>(tail.size());
                for (AuditRecord r : tail) {
                    hashed.add(new ChainVerifier.Hashed(r, AuditChain.selfConsistent(r)));
                    lastSeq = r.seq();
                }
                current = hashed;
            } else {
                return false;
            }
            index = 0;
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private List<ChainVerifier.Hashed> nextRange() {
        if (range >= ranges) {
            rangesDone = true;
            return List.of();
        }
        BlockingQueue<Object> queue = queues.get((int) (range % queues.size()));
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("audit verification was interrupted", e);
        }
        if (item instanceof RuntimeException failure) {
            close();
            throw failure;
        }
        range++;
        if (range >= ranges) {
            rangesDone = true;
        }
        return (List<ChainVerifier.Hashed>) item;
    }

    @Override
    public ChainVerifier.Hashed next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.get(index++);
    }

    /** Stops the readers (a verification that found a problem stops reading) and waits for their connections. */
    @Override
    public void close() {
        // no interrupt: an interrupted read can close H2's file channel; each reader sees the flag within a range
        closed = true;
        for (Thread t : readers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
