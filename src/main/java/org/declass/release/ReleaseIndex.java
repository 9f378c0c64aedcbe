package org.declass.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.declass.cable.CableTerms;
import org.hibernate.Session;

/**
 * The reading room's word index (migration V9): the words of a released version's frozen plain text, never of the
 * stored cable, so that nothing withheld can match a search or change a count. Written in the transaction that
 * freezes a version released alone ({@link CableRendering#freeze}), or from the queue the release sweep fills
 * ({@link #startDrain}); read by {@link #search}, an index-only query that starts from the rarest term and stops at
 * the page size.
 */
@ApplicationScoped
public class ReleaseIndex {

    /** Counting stops here: the reading room says "10,000 or more" rather than scanning every posting. */
    public static final int COUNT_CAP = 10_000;
    /** The term every released cable has: browsing without words or filters. */
    static final String ALL = "*";

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Bumped after every commit that changed the index: the key of every cached reading-room answer. */
    private final AtomicLong generation = new AtomicLong();

    public long generation() {
        return generation.get();
    }

    /** What one query asks for: words (all must match), filter terms, a date range in epoch days. */
    public record Query(List<String> terms, int fromDay, int toDay) {
    }

    /** A page of cable ids in reading-room order, and how many match (capped at {@link #COUNT_CAP}). */
    public record Hits(List<Long> cableIds, int total, boolean capped) {
    }

    /** Replaces the cable's listing row and postings by those of this version. Needs the caller's transaction. */
    public void index(ReleasedVersion v) {
        em.flush();
        em.unwrap(Session.class).doWork(c -> indexAll(c, List.of(v)));
    }

    /**
     * Replaces the listing rows and postings of the versions' cables (each version's id must be known, and at most
     * one version a cable), in batches on the caller's connection and transaction. The cached answers are
     * dropped when the transaction commits.
     */
    public void indexAll(Connection c, List<ReleasedVersion> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        write(c, versions);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    generation.incrementAndGet();
                }
            }
        });
    }

    /** Queues released versions for {@link #drain}, on the caller's connection and in its transaction. */
    public void enqueue(Connection c, List<ReleasedVersion> versions) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO release_index_queue (version_id) VALUES (?)")) {
            for (ReleasedVersion v : versions) {
                ins.setLong(1, v.getId());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** What a drain did: versions indexed, versions left queued after an error, wall time. */
    public record DrainResult(long indexed, long failed, long millis) {
    }

    /**
     * Indexes queued versions on a thread of its own until {@link Drain#finish} is called and the queue is empty:
     * the release sweep starts one, releases on its own thread, and finishes it, so that the postings are written
     * on the other core while the releases go on, and the sweep returns with everything indexed.
     */
    public Drain startDrain() {
        Drain d = new Drain();
        Thread t = new Thread(d::run, "release-index-drain");
        t.setDaemon(true);
        d.thread = t;
        t.start();
        return d;
    }

    /** Indexes everything queued now, on the caller's thread (at start, after a crash left rows queued). */
    public DrainResult drainAll() {
        Drain d = new Drain();
        d.finished = true;
        d.run();
        return d.result;
    }

    /** One drain: a cursor over the queue by version id, batches of {@code drainBatch} per transaction. */
    public final class Drain {
        private volatile boolean finished;
        private Thread thread;
        private DrainResult result = new DrainResult(0, 0, 0);

        /** No more versions will be queued by the caller: index what is left, wait for it, and say what was done. */
        public DrainResult finish() {
            synchronized (this) {
                finished = true;
                notifyAll();
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        }

        private void run() {
            long started = System.nanoTime();
            long cursor = 0;
            long indexed = 0;
            long failed = 0;
            while (true) {
                boolean last = finished; // read before the query: whatever was queued before finish() is seen
                final long from = cursor;
                List<Long> ids = QuarkusTransaction.requiringNew().call(() -> queued(from, DRAIN_BATCH));
                if (ids.isEmpty()) {
                    if (last) {
                        break;
                    }
                    pause();
                    continue;
                }
                cursor = ids.get(ids.size() - 1);
                try {
                    QuarkusTransaction.requiringNew().run(() -> indexQueued(ids));
                    indexed += ids.size();
                } catch (RuntimeException e) {
                    Log.debugf("reading room: a batch of queued versions from %d rolled back (%s); one by one",
                            ids.get(0), e.getMessage());
                    for (Long id : ids) {
                        try {
                            QuarkusTransaction.requiringNew().run(() -> indexQueued(List.of(id)));
                            indexed++;
                        } catch (RuntimeException one) {
                            failed++; // stays queued: the next drain (next sweep or start) tries it again
                            Log.warnf(one, "reading room: released version %d not indexed, left queued", id);
                        }
                    }
                }
            }
            result = new DrainResult(indexed, failed, (System.nanoTime() - started) / 1_000_000);
        }

        private synchronized void pause() {
            try {
                if (!finished) {
                    wait(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = true;
            }
        }
    }

    /** Versions in a drain's transaction. */
    static final int DRAIN_BATCH = 200;

    private List<Long> queued(long after, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT version_id FROM release_index_queue"
                     + " WHERE version_id > ? ORDER BY version_id FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setLong(1, after);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reading room's queue: " + e.getMessage(), e);
        }
    }

    /** Indexes the queued versions (the latest of each cable) and takes them off the queue, in one transaction. */
    private void indexQueued(List<Long> versionIds) {
        List<ReleasedVersion> versions = em.createQuery("select v from ReleasedVersion v where v.id in :ids"
                + " order by v.id", ReleasedVersion.class).setParameter("ids", versionIds)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList();
        Map<Long, ReleasedVersion> latest = new java.util.LinkedHashMap<>();
        for (ReleasedVersion v : versions) {
            latest.merge(v.getCableId(), v, (a, b) -> a.getVersionNo() >= b.getVersionNo() ? a : b);
        }
        em.unwrap(Session.class).doWork(c -> {
            indexAll(c, List.copyOf(latest.values()));
            try (PreparedStatement del = c.prepareStatement("DELETE FROM release_index_queue WHERE version_id = ?")) {
                for (Long id : versionIds) {
                    del.setLong(1, id);
                    del.addBatch();
                }
                del.executeBatch();
            }
        });
        em.clear();
    }

    /** The terms of a released version: words of its released text, '*', 'origin:post', 'tag:tag'. */
    static Set<String> terms(ReleasedVersion v) {
        return terms(v.getReleasedText(), v.getOrigin(), v.getTags());
    }

    private static Set<String> terms(String releasedText, String origin, List<String> tags) {
        Set<String> terms = new LinkedHashSet<>(CableTerms.tokens(releasedText));
        terms.add(ALL);
        if (origin != null && !origin.isBlank()) {
            terms.add(originTerm(origin));
        }
        for (String tag : tags) {
            if (!tag.isBlank()) {
                terms.add(tagTerm(tag));
            }
        }
        return terms;
    }

    public static String originTerm(String origin) {
        return "origin:" + origin.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    public static String tagTerm(String tag) {
        return "tag:" + tag.trim().toLowerCase(Locale.ROOT);
    }

    public static int day(LocalDate date) {
        return date == null ? 0 : (int) date.toEpochDay();
    }

    /**
     * The postings of a cable are exactly the terms of the version its listing row names, so a new version removes
     * those (found through the unique index) and the listing row, then writes its own. Most cables of a sweep have
     * no earlier version: one query finds that out for the whole batch. (There is no index on cable_id alone:
     * every posting would cost one more B-tree insert.)
     */
    private static void write(Connection c, List<ReleasedVersion> all) throws SQLException {
        Map<Long, Previous> previous = previous(c, all);
        // a version older than (or the same as) the one already indexed for its cable changes nothing
        List<ReleasedVersion> versions = all.stream().filter(v -> !previous.containsKey(v.getCableId())
                || previous.get(v.getCableId()).versionNo() < v.getVersionNo()).toList();
        Set<Long> written = versions.stream().map(ReleasedVersion::getCableId).collect(Collectors.toSet());
        previous.keySet().retainAll(written);
        if (versions.isEmpty()) {
            return;
        }
        // the full-text index follows in every instance (search.SearchEngine), from this commit
        org.declass.search.SearchChanges.changed(c, ReleasedSearchSource.INDEX, written);
        if (!previous.isEmpty()) {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM release_term WHERE term = ? AND sort_day = ? AND cable_id = ?")) {
                for (Map.Entry<Long, Previous> e : previous.entrySet()) {
                    for (String t : e.getValue().terms()) {
                        del.setString(1, t);
                        del.setInt(2, e.getValue().sortDay());
                        del.setLong(3, e.getKey());
                        del.addBatch();
                    }
                }
                del.executeBatch();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM release_listing WHERE cable_id = ?")) {
                for (Long cableId : previous.keySet()) {
                    del.setLong(1, cableId);
                    del.addBatch();
                }
                del.executeBatch();
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO release_listing (cable_id, version_id,"
                + " version_no, sort_day, reference, origin, cable_date, subject, tags, former_banner, released_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ReleasedVersion v : versions) {
                ins.setLong(1, v.getCableId());
                ins.setLong(2, v.getId());
                ins.setInt(3, v.getVersionNo());
                ins.setInt(4, day(v.getDate()));
                ins.setString(5, v.getReference());
                ins.setString(6, v.getOrigin());
                if (v.getDate() == null) {
                    ins.setNull(7, Types.DATE);
                } else {
                    ins.setObject(7, v.getDate());
                }
                ins.setString(8, v.getSubject());
                ins.setString(9, v.tagsColumn());
                ins.setString(10, v.getFormerBanner());
                ins.setTimestamp(11, Timestamp.from(v.getReleasedAt()));
                ins.addBatch();
            }
            ins.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO release_term (term, sort_day, cable_id) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (ReleasedVersion v : versions) {
                int day = day(v.getDate());
                for (String t : terms(v)) {
                    ins.setString(1, t);
                    ins.setInt(2, day);
                    ins.setLong(3, v.getCableId());
                    ins.addBatch();
                    if (++pending == 1_000) {
                        ins.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ins.executeBatch();
            }
        }
    }

    /** The indexed version of a cable: its sort day and terms. */
    private record Previous(long cableId, int versionNo, int sortDay, Set<String> terms) {
    }

    private static Map<Long, Previous> previous(Connection c, List<ReleasedVersion> versions) throws SQLException {
        Map<Long, Previous> out = new HashMap<>();
        for (int from = 0; from < versions.size(); from += 500) {
            List<ReleasedVersion> chunk = versions.subList(from, Math.min(versions.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT l.cable_id, l.sort_day, v.released_text, v.origin,"
                    + " v.tags, l.version_no FROM release_listing l JOIN released_version v ON v.id = l.version_id"
                    + " WHERE l.cable_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i).getCableId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String tags = rs.getString(5);
                        out.put(rs.getLong(1), new Previous(rs.getLong(1), rs.getInt(6), rs.getInt(2),
                                terms(rs.getString(3), rs.getString(4),
                                        tags == null ? List.of() : java.util.Arrays.asList(tags.split(",")))));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The cables matching every term of the query, newest first. Reads only release_term: the rarest term's
     * postings from the top of its index range, each other term checked by an index lookup, stopping after the
     * page; the total is counted the same way up to {@link #COUNT_CAP}.
     */
    public Hits search(Query q, int offset, int limit) {
        List<String> terms = q.terms().isEmpty() ? List.of(ALL) : q.terms();
        try (Connection c = dataSource.getConnection()) {
            List<String> byRarity = new ArrayList<>(new LinkedHashSet<>(terms));
            List<int[]> counts = new ArrayList<>();
            for (String t : byRarity) {
                int n = countTerm(c, t, q.fromDay(), q.toDay());
                if (n == 0) {
                    return new Hits(List.of(), 0, false);
                }
                counts.add(new int[] {n});
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < byRarity.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingInt(i -> counts.get(i)[0]));
            List<String> sorted = order.stream().map(byRarity::get).toList();
            String sql = matchSql(sorted.size());
            List<Long> ids = new ArrayList<>();
            // "t0.term" first (a constant here) lets H2 read the index in order instead of sorting the postings
            try (PreparedStatement ps = c.prepareStatement(sql + " ORDER BY t0.term, t0.sort_day DESC, t0.cable_id DESC"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int i = bind(ps, sorted, q);
                ps.setInt(i++, offset);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            int total;
            if (offset == 0 && ids.size() < limit) {
                total = ids.size();
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (" + sql
                        + " FETCH FIRST " + (COUNT_CAP + 1) + " ROWS ONLY) x")) {
                    bind(ps, sorted, q);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getInt(1);
                    }
                }
            }
            return new Hits(ids, Math.min(total, COUNT_CAP), total > COUNT_CAP);
        } catch (SQLException e) {
            throw new IllegalStateException("reading room search failed: " + e.getMessage(), e);
        }
    }

    private static int countTerm(Connection c, String term, int from, int to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM release_term"
                + " WHERE term = ? AND sort_day BETWEEN ? AND ? FETCH FIRST " + (COUNT_CAP + 1) + " ROWS ONLY) x")) {
            ps.setString(1, term);
            ps.setInt(2, from);
            ps.setInt(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String matchSql(int terms) {
        StringBuilder sql = new StringBuilder("SELECT t0.cable_id, t0.sort_day FROM release_term t0"
                + " WHERE t0.term = ? AND t0.sort_day BETWEEN ? AND ?");
        for (int i = 1; i < terms; i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM release_term t").append(i).append(" WHERE t").append(i)
                    .append(".term = ? AND t").append(i).append(".sort_day = t0.sort_day AND t").append(i)
                    .append(".cable_id = t0.cable_id)");
        }
        return sql.toString();
    }

    private static int bind(PreparedStatement ps, List<String> sorted, Query q) throws SQLException {
        int i = 1;
        ps.setString(i++, sorted.get(0));
        ps.setInt(i++, q.fromDay());
        ps.setInt(i++, q.toDay());
        for (int k = 1; k < sorted.size(); k++) {
            ps.setString(i++, sorted.get(k));
        }
        return i;
    }

    /**
     * Indexes what is queued at start: versions a crash left queued between a release and its indexing, and (once,
     * queued by migration V11) versions frozen before the reading room had an index. One indexed query when the
     * queue is empty.
     */
    void drainAtStart(@Observes @Priority(2400) StartupEvent event) {
        DrainResult queued = drainAll();
        if (queued.indexed() + queued.failed() > 0) {
            Log.infof("reading room: %d queued released versions indexed at start (%d left queued after errors)",
                    queued.indexed(), queued.failed());
        }
    }
}
