package org.declass.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Migration V13: the indexes the bulk import writes for every row. The word index keeps its foreign key to the cable
 * but has one (cable_id) index, not two (H2 made one for the key and V5 another), and ix_cable_declass, which
 * duplicated the leading column of ix_cable_declass_order, is gone.
 */
@QuarkusTest
class ImportIndexesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theWordIndexHasOneCableIdIndexAndKeepsItsForeignKey() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            if (h2) {
                List<String> cableIdOnly = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT index_name FROM information_schema.index_columns"
                             + " WHERE table_name = 'CABLE_TERM' GROUP BY index_name"
                             + " HAVING COUNT(*) = 1 AND MAX(column_name) = 'CABLE_ID'")) {
                    while (rs.next()) {
                        cableIdOnly.add(rs.getString(1));
                    }
                }
                assertThat(cableIdOnly).containsExactly("IX_CABLE_TERM_CABLE");
            }
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, h2 ? "CABLE" : "cable", false, false)) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(String.valueOf(rs.getString("INDEX_NAME")).toLowerCase(Locale.ROOT));
                }
                assertThat(names).contains("ix_cable_declass_order").doesNotContain("ix_cable_declass");
            }
            // a word row of a cable that does not exist is still refused, by the foreign key, with every
            // NOT NULL column given (V12 adds the cable's day on main)
            boolean day;
            try (ResultSet rs = c.getMetaData().getColumns(null, null, h2 ? "CABLE_TERM" : "cable_term",
                    h2 ? "CABLE_DAY" : "cable_day")) {
                day = rs.next();
            }
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cable_term (term, cable_id, level_rank,"
                    + " foreign_restricted" + (day ? ", cable_day" : "") + ") VALUES ('qnocable', -4242, 0, false"
                    + (day ? ", DATE '2001-01-01'" : "") + ")")) {
                // SQLSTATE of a missing parent: 23503 on PostgreSQL, 23506 on H2 (not 23502, a missing NOT NULL value)
                assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("23503", "23506"));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
