package org.declass.cable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes cable_term rows in JDBC batches, and indexes cables stored before the index existed (once, at start). */
@ApplicationScoped
public class SearchIndex {

    public static final String INSERT = "INSERT INTO cable_term (term, cable_id, level_rank, foreign_restricted)"
            + " VALUES (?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    /** Adds one cable's terms to a batch of {@link #INSERT}. */
    public static void addBatch(PreparedStatement insert, long cableId, List<CableTerms.Term> terms)
            throws SQLException {
        for (CableTerms.Term t : terms) {
            insert.setString(1, t.term());
            insert.setLong(2, cableId);
            insert.setShort(3, t.levelRank());
            insert.setBoolean(4, t.foreignRestricted());
            insert.addBatch();
        }
    }

    /** Runs the backfill left by migration V5, if any; returns the number of cables indexed. */
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
                         + " c.subject_level_rank, c.subject_foreign_restricted FROM cable c WHERE NOT EXISTS"
                         + " (SELECT 1 FROM cable_term t WHERE t.cable_id = c.id)");
                 PreparedStatement insert = c.prepareStatement(INSERT)) {
                while (rs.next()) {
                    addBatch(insert, rs.getLong(1), CableTerms.of(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getShort(6), rs.getBoolean(7)));
                    if (++n % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
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
