package org.declass.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;

/**
 * Records that documents changed, in the caller's transaction (migration V18): every instance's index reads the
 * rows and reindexes those documents from the database, so an index never lags behind a committed change on any
 * instance for longer than its next catch-up (at the next search on this instance, within seconds on the others).
 */
public final class SearchChanges {

    private SearchChanges() {
    }

    /** The documents {@code keys} of {@code index} changed (were stored, re-marked, redacted, released). */
    public static void changed(Connection c, String index, Collection<Long> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO search_change (index_name, doc_key) VALUES (?, ?)")) {
            for (Long k : keys) {
                ins.setString(1, index);
                ins.setLong(2, k);
                ins.addBatch();
            }
            ins.executeBatch();
        }
        SearchEngine.localChange();
    }

    /**
     * The documents whose keys {@code selectKeys} returns changed: one statement, for many documents at once (the
     * cables a bulk import stored, {@code SELECT id FROM cable WHERE id > ?} with {@code after}).
     */
    public static int changedSelected(Connection c, String index, String selectKeys, long after) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO search_change (index_name, doc_key) SELECT CAST(? AS VARCHAR(32)), k.doc_key FROM ("
                        + selectKeys + ") k (doc_key)")) {
            ins.setString(1, index);
            ins.setLong(2, after);
            int n = ins.executeUpdate();
            SearchEngine.localChange();
            return n;
        }
    }

    /** Every document of {@code index} may have changed (a bulk import): each instance rebuilds its index. */
    public static void rebuild(Connection c, String index) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO search_change (index_name, doc_key) VALUES (?, ?)")) {
            ins.setString(1, index);
            ins.setNull(2, Types.BIGINT);
            ins.executeUpdate();
        }
        SearchEngine.localChange();
    }
}
