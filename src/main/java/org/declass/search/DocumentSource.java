package org.declass.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Where one index reads its documents from: implemented by the feature that owns them (the cables, the released
 * versions), found by CDI, so that this package imports no feature.
 */
public interface DocumentSource {

    /** The index's name, also written in {@code search_change.index_name}. */
    String index();

    /** Whether each portion is matched only by readers cleared for it (staff); false: everything is public. */
    boolean portionAware();

    /** How many documents the index should hold (a rebuild is due when it holds another number). */
    long count();

    /** The keys after {@code afterKey}, in key order, at most {@code limit}: the rebuild's cursor. */
    List<Long> keysAfter(long afterKey, int limit);

    /** The documents of these keys as they are now; a key without a document is dropped from the index. */
    List<SearchDocument> load(List<Long> keys);

    /** {@link #count()} of a source whose documents are the rows of {@code table}. */
    static long countRows(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + table + ": " + e.getMessage(), e);
        }
    }

    /** {@link #keysAfter} of a source whose documents are the rows of {@code table}, keyed by {@code key}. */
    static List<Long> keysAfter(DataSource dataSource, String table, String key, long afterKey, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + key + " FROM " + table + " WHERE " + key
                     + " > ? ORDER BY " + key + " FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setLong(1, afterKey);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the keys of " + table + ": " + e.getMessage(), e);
        }
    }
}
