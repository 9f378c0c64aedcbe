package org.declass.cable;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes cable_term rows and their per-word counts (cable_term_frequency) in JDBC batches, and indexes cables stored
 * before the index existed (once, at start).
 */
@ApplicationScoped
public class SearchIndex {

    public static final String INSERT = "INSERT INTO cable_term (term, cable_id, level_rank, foreign_restricted,"
            + " cable_day) VALUES (?, ?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    /** Adds one cable's terms to a batch of {@link #INSERT}; {@code cableDate} may be null (undated). */
    public static void addBatch(PreparedStatement insert, long cableId, LocalDate cableDate,
                                List<CableTerms.Term> terms) throws SQLException {
        Date day = Date.valueOf(CableTerms.day(cableDate));
        for (CableTerms.Term t : terms) {
            insert.setString(1, t.term());
            insert.setLong(2, cableId);
            insert.setShort(3, t.levelRank());
            insert.setBoolean(4, t.foreignRestricted());
            insert.setDate(5, day);
            insert.addBatch();
        }
    }

    /**
     * Adds the cables' words to {@code cable_term_frequency} (migration V10): one per cable and (term, level_rank,
     * foreign_restricted), the key of the word's rows. Call it in the transaction that inserts those rows; ingest
     * calls it after taking the audit chain lock, so that every ingest transaction locks the chain first and then
     * these rows in key order: two ingests never wait for each other in a cycle nor insert the same new key at once.
     */
    public static void addFrequencies(Connection c, Iterable<List<CableTerms.Term>> cables) throws SQLException {
        addFrequencies(c, "cable_term_frequency", cables);
    }

    /**
     * Counts every word again from the word rows, replacing all counts: what a bulk import that skipped
     * {@link #addFrequencies} for its batches runs at its end (ingest.DeferredIndexes). One pass over cable_term.
     * Returns the number of count rows written.
     */
    public static int recountFrequencies(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM cable_term_frequency");
            return s.executeUpdate("INSERT INTO cable_term_frequency (term, level_rank, foreign_restricted, cables)"
                    + " SELECT term, level_rank, foreign_restricted, COUNT(*) FROM cable_term"
                    + " GROUP BY term, level_rank, foreign_restricted");
        }
    }

    /** {@link #addFrequencies(Connection, Iterable)} into a table of the same shape (the benchmark's copies). */
    public static void addFrequencies(Connection c, String table, Iterable<List<CableTerms.Term>> cables)
            throws SQLException {
        Map<CableTerms.Term, Long> counts = new TreeMap<>(Comparator.comparing(CableTerms.Term::term)
                .thenComparing(CableTerms.Term::levelRank).thenComparing(CableTerms.Term::foreignRestricted));
        for (List<CableTerms.Term> terms : cables) {
            for (CableTerms.Term t : terms) {
                counts.merge(t, 1L, Long::sum);
            }
        }
        mergeCounts(c, table, counts);
    }

    /** Adds each count (negative: takes it off) to its word's row, in the key order of the map. */
    private static void mergeCounts(Connection c, String table, Map<CableTerms.Term, Long> counts)
            throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = c.prepareStatement(MERGE_FREQUENCY.replace("cable_term_frequency", table))) {
            for (Map.Entry<CableTerms.Term, Long> e : counts.entrySet()) {
                merge.setString(1, e.getKey().term());
                merge.setShort(2, e.getKey().levelRank());
                merge.setBoolean(3, e.getKey().foreignRestricted());
                merge.setLong(4, e.getValue());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    /**
     * Replaces a cable's words when their marking changed (a raised subject): its rows in cable_term, and the counts
     * of cable_term_frequency, the old words' taken off and the new ones' added. In the caller's transaction, after
     * the audit chain lock (the same lock order as ingest).
     */
    public static void replace(Connection c, long cableId, LocalDate cableDate, List<CableTerms.Term> before,
                               List<CableTerms.Term> after) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM cable_term WHERE cable_id = ?")) {
            del.setLong(1, cableId);
            del.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            addBatch(insert, cableId, cableDate, after);
            insert.executeBatch();
        }
        Map<CableTerms.Term, Long> delta = new TreeMap<>(Comparator.comparing(CableTerms.Term::term)
                .thenComparing(CableTerms.Term::levelRank).thenComparing(CableTerms.Term::foreignRestricted));
        for (CableTerms.Term t : new java.util.LinkedHashSet<>(before)) {
            delta.merge(t, -1L, Long::sum);
        }
        for (CableTerms.Term t : new java.util.LinkedHashSet<>(after)) {
            delta.merge(t, 1L, Long::sum);
        }
        delta.values().removeIf(v -> v == 0);
        mergeCounts(c, "cable_term_frequency", delta);
    }

    /** Standard MERGE (H2 2.x, PostgreSQL 15): adds to a word's count, or inserts it. */
    static final String MERGE_FREQUENCY = "MERGE INTO cable_term_frequency f USING (VALUES (CAST(? AS VARCHAR(64)),"
            + " CAST(? AS SMALLINT), CAST(? AS BOOLEAN), CAST(? AS BIGINT))) AS s (term, level_rank,"
            + " foreign_restricted, cables) ON f.term = s.term AND f.level_rank = s.level_rank"
            + " AND f.foreign_restricted = s.foreign_restricted"
            + " WHEN MATCHED THEN UPDATE SET cables = f.cables + s.cables"
            + " WHEN NOT MATCHED THEN INSERT (term, level_rank, foreign_restricted, cables)"
            + " VALUES (s.term, s.level_rank, s.foreign_restricted, s.cables)";

    /** Runs the backfill left by migration V5 (and again by V16), if any; returns the number of cables indexed. */
    public int backfillIfNeeded() {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM schema_task WHERE name = 'cable_term_backfill'")) {
                if (!rs.next()) {
                    return 0;
                }
            }
            c.setAutoCommit(false);
            int n = 0;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT c.id, c.reference, c.origin, c.tags, c.subject,"
                         + " c.subject_level_rank, c.subject_foreign_restricted, c.cable_date, c.level_rank,"
                         + " (c.cable_wide_noforn = true OR c.controls LIKE '%NOFORN%' OR c.controls LIKE '%EXDIS%'"
                         + " OR c.controls LIKE '%NODIS%') FROM cable c WHERE NOT EXISTS"
                         + " (SELECT 1 FROM cable_term t WHERE t.cable_id = c.id)");
                 PreparedStatement insert = c.prepareStatement(INSERT)) {
                List<List<CableTerms.Term>> indexed = new ArrayList<>();
                while (rs.next()) {
                    List<CableTerms.Term> terms = CableTerms.of(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getShort(6), rs.getBoolean(7), rs.getShort(9), rs.getBoolean(10));
                    Date date = rs.getDate(8);
                    addBatch(insert, rs.getLong(1), date == null ? null : date.toLocalDate(), terms);
                    indexed.add(terms);
                    if (++n % 500 == 0) {
                        insert.executeBatch();
                        addFrequencies(c, indexed);
                        indexed.clear();
                    }
                }
                insert.executeBatch();
                addFrequencies(c, indexed);
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM schema_task WHERE name = 'cable_term_backfill'");
            }
            c.commit();
            Log.infof("search index: %d cables stored before migration V5 indexed", n);
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the search index: " + e.getMessage(), e);
        }
    }
}
