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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
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
 * freezes the version ({@link CableRendering#freeze}); read by {@link #search}, an index-only query that starts
 * from the rarest term and stops at the page size.
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
        int day = day(v.getDate());
        Set<String> terms = terms(v);
        em.flush();
        em.unwrap(Session.class).doWork(c -> write(c, v, day, terms));
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

    /** The terms of a released version: words of its released text, '*', 'origin:post', 'tag:tag'. */
    static Set<String> terms(ReleasedVersion v) {
        Set<String> terms = new LinkedHashSet<>(CableTerms.tokens(v.getReleasedText()));
        terms.add(ALL);
        if (v.getOrigin() != null && !v.getOrigin().isBlank()) {
            terms.add(originTerm(v.getOrigin()));
        }
        for (String tag : v.getTags()) {
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

    private static void write(Connection c, ReleasedVersion v, int day, Set<String> terms) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM release_term WHERE cable_id = ?")) {
            del.setLong(1, v.getCableId());
            del.executeUpdate();
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM release_listing WHERE cable_id = ?")) {
            del.setLong(1, v.getCableId());
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO release_listing (cable_id, version_id,"
                + " version_no, sort_day, reference, origin, cable_date, subject, tags, former_banner, released_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ins.setLong(1, v.getCableId());
            ins.setLong(2, v.getId());
            ins.setInt(3, v.getVersionNo());
            ins.setInt(4, day);
            ins.setString(5, v.getReference());
            ins.setString(6, v.getOrigin());
            if (v.getDate() == null) {
                ins.setNull(7, Types.DATE);
            } else {
                ins.setObject(7, v.getDate());
            }
            ins.setString(8, v.getSubject());
            ins.setString(9, v.getTags().isEmpty() ? null : String.join(",", v.getTags()));
            ins.setString(10, v.getFormerBanner());
            ins.setTimestamp(11, Timestamp.from(v.getReleasedAt()));
            ins.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO release_term (term, sort_day, cable_id) VALUES (?, ?, ?)")) {
            for (String t : terms) {
                ins.setString(1, t);
                ins.setInt(2, day);
                ins.setLong(3, v.getCableId());
                ins.addBatch();
            }
            ins.executeBatch();
        }
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

    /** Indexes released versions frozen before migration V9 (or by a build without the index); once, at start. */
    void backfill(@Observes @Priority(2400) StartupEvent event) {
        List<Long> missing;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT v.id FROM released_version v WHERE NOT EXISTS"
                     + " (SELECT 1 FROM release_listing l WHERE l.cable_id = v.cable_id)"
                     + " AND NOT EXISTS (SELECT 1 FROM released_version w WHERE w.cable_id = v.cable_id"
                     + " AND w.version_no > v.version_no)");
             ResultSet rs = ps.executeQuery()) {
            missing = new ArrayList<>();
            while (rs.next()) {
                missing.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read released versions: " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                for (Long id : missing) {
                    index(em.find(ReleasedVersion.class, id));
                }
            });
            Log.infof("reading room: %d released versions indexed", missing.size());
        }
    }
}
