package org.declass.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.declass.cable.SearchIndex;

/**
 * The secondary indexes that a large bulk import on H2 builds after its rows instead of with them.
 * <p>
 * H2 keeps each index as a B-tree of its own: a cable row changes fifteen of them, and a word row one in random order
 * (term, day, cable). With a quarter of a million cables these random inserts and the pages they rewrite were most of
 * the import's cost. {@code CREATE INDEX} on a filled table sorts the rows in blocks and merges them instead. So an
 * import that brings at least as many cables as are stored (and at least {@link #AUTO_MIN_CABLES}) drops the plain
 * secondary indexes of {@link #TABLES} at its start and builds them again at its end. Unique indexes and the indexes
 * of keys and foreign keys stay: they check rows as they are written.
 * <p>
 * Crash safety: the statement that rebuilds each index goes into {@code deferred_index} and is committed before the
 * index is dropped; an index is rebuilt with {@code CREATE INDEX IF NOT EXISTS} before its row is deleted. A killed
 * import leaves the rows, and the import's next run or the server's next start ({@link #onStart}) builds what they
 * list. Only the command-line import defers, and only on H2, whose file no other process can open meanwhile: a
 * server's own upload never does, since readers would be searching without the indexes.
 */
@ApplicationScoped
public class DeferredIndexes {

    /** {@code declass.import.defer-indexes}. */
    public enum Mode {
        AUTO, ALWAYS, NEVER;

        public static Mode of(String value) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("declass.import.defer-indexes must be auto, always or never, not '"
                    + value + "'");
        }
    }

    /** The tables whose plain secondary indexes a bulk import may defer (upper case, as H2's catalog names them). */
    public static final List<String> TABLES = List.of("CABLE", "CABLE_FINDING", "CABLE_TERM");

    /**
     * The row of {@code schema_task} that says the words' counts ({@code cable_term_frequency}) are stale: a deferring
     * import does not add to them batch by batch (a random update per word and batch, a sixth of the writer's time)
     * but counts every word again from the word rows at its end, after the indexes.
     */
    public static final String RECOUNT_TASK = "cable_term_recount";

    /** Below this many incoming cables the rebuild costs more than the inserts it saves. */
    public static final long AUTO_MIN_CABLES = 10_000;

    private static final String DROPPABLE = "SELECT i.INDEX_NAME, i.TABLE_NAME, c.COLUMN_NAME,"
            + " c.ORDERING_SPECIFICATION, c.NULL_ORDERING"
            + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
            + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
            + " WHERE i.TABLE_SCHEMA = CURRENT_SCHEMA AND i.INDEX_TYPE_NAME = 'INDEX'"
            + " AND i.TABLE_NAME IN ('" + String.join("', '", TABLES) + "')"
            + " AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS k"
            + " WHERE k.INDEX_SCHEMA = i.INDEX_SCHEMA AND k.INDEX_NAME = i.INDEX_NAME)"
            + " ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** False in the {@code import} command: it goes on with the deferral it finds instead of undoing it first. */
    @Inject
    ImportConfig config;

    /** One index to drop and build again: its name, its table and the statement that builds it. */
    public record Definition(String name, String table, String sql) {
    }

    /**
     * Whether an import should defer the indexes: never on PostgreSQL (servers may be reading the same database),
     * always when asked, and otherwise when it brings at least {@link #AUTO_MIN_CABLES} and at least as many cables
     * as are stored (rebuilding costs a pass over every stored row).
     */
    public static boolean worthDeferring(Mode mode, boolean h2, long incoming, long stored) {
        return h2 && switch (mode) {
            case NEVER -> false;
            case ALWAYS -> true;
            case AUTO -> incoming >= AUTO_MIN_CABLES && incoming >= stored;
        };
    }

    /** Whether the connection is to H2 (the only database on which an import defers indexes). */
    public static boolean isH2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    }

    /** What a deferring import left to do: the indexes dropped and not yet rebuilt, then {@link #RECOUNT_TASK}. */
    public List<String> pending() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT index_name FROM deferred_index ORDER BY index_name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            if (recountDue(c)) {
                names.add(RECOUNT_TASK);
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the deferred indexes: " + e.getMessage(), e);
        }
    }

    /** The plain secondary indexes of {@link #TABLES} as they are now, each with the statement that builds it. */
    public List<Definition> droppable() {
        try (Connection c = dataSource.getConnection()) {
            return droppable(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the indexes: " + e.getMessage(), e);
        }
    }

    static List<Definition> droppable(Connection c) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(DROPPABLE)) {
            while (rs.next()) {
                String name = rs.getString(1);
                tables.put(name, rs.getString(2));
                columns.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(column(rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        List<Definition> out = new ArrayList<>();
        tables.forEach((name, table) -> out.add(new Definition(name, table, "CREATE INDEX IF NOT EXISTS "
                + quote(name) + " ON " + quote(table) + " (" + String.join(", ", columns.get(name)) + ")")));
        return out;
    }

    /**
     * One column of an index as its migration wrote it. H2 reports the effective null ordering; the default
     * (nulls first going up, last going down) is left implicit, so that the rebuilt index is the same as the
     * migration's and the planner matches it to the same ORDER BY.
     */
    static String column(String name, String ordering, String nulls) {
        boolean desc = "DESC".equalsIgnoreCase(ordering);
        StringBuilder b = new StringBuilder(quote(name));
        if (desc) {
            b.append(" DESC");
        }
        if (desc && "FIRST".equalsIgnoreCase(nulls)) {
            b.append(" NULLS FIRST");
        } else if (!desc && "LAST".equalsIgnoreCase(nulls)) {
            b.append(" NULLS LAST");
        }
        return b.toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static boolean recountDue(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM schema_task WHERE name = ?")) {
            s.setString(1, RECOUNT_TASK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Lists the droppable indexes with their statements and marks the words' counts stale (committed first), then
     * drops the indexes. Returns the number dropped. What is already listed stays listed: a second call drops
     * nothing it cannot rebuild.
     */
    public int defer() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Definition> definitions = droppable(c);
            c.setAutoCommit(false);
            try (PreparedStatement listed = c.prepareStatement("SELECT 1 FROM deferred_index WHERE index_name = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO deferred_index"
                         + " (index_name, table_name, definition, deferred_at) VALUES (?, ?, ?, ?)")) {
                OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                for (Definition d : definitions) {
                    listed.setString(1, d.name());
                    try (ResultSet rs = listed.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    insert.setString(1, d.name());
                    insert.setString(2, d.table());
                    insert.setString(3, d.sql());
                    insert.setObject(4, now);
                    insert.executeUpdate();
                }
                if (!recountDue(c)) {
                    try (PreparedStatement task = c.prepareStatement("INSERT INTO schema_task (name) VALUES (?)")) {
                        task.setString(1, RECOUNT_TASK);
                        task.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            try (Statement s = c.createStatement()) {
                for (Definition d : definitions) {
                    s.execute("DROP INDEX IF EXISTS " + quote(d.name()));
                }
            }
            return definitions.size();
        }
    }

    /**
     * Builds every listed index and deletes its row, one index at a time, then counts the words again if they are
     * marked stale; reports each step to {@code note}. Returns the number of indexes built. A failure leaves the
     * rest listed for the next run and is thrown.
     */
    public int rebuild(Consumer<String> note) throws SQLException {
        Map<String, String> listed = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT index_name, definition FROM deferred_index"
                         + " ORDER BY table_name, index_name")) {
                while (rs.next()) {
                    listed.put(rs.getString(1), rs.getString(2));
                }
            }
            if (!listed.isEmpty()) {
                note.accept(String.format(Locale.ROOT, "building the %d indexes deferred by the import...",
                        listed.size()));
                long started = System.nanoTime();
                try (Statement s = c.createStatement();
                     PreparedStatement delete = c.prepareStatement("DELETE FROM deferred_index WHERE index_name = ?")) {
                    for (Map.Entry<String, String> e : listed.entrySet()) {
                        s.execute(e.getValue());
                        delete.setString(1, e.getKey());
                        delete.executeUpdate();
                    }
                }
                note.accept(String.format(Locale.ROOT, "built %d indexes in %.1f s", listed.size(),
                        (System.nanoTime() - started) / 1e9));
            }
            if (recountDue(c)) {
                long started = System.nanoTime();
                c.setAutoCommit(false);
                try (PreparedStatement done = c.prepareStatement("DELETE FROM schema_task WHERE name = ?")) {
                    int rows = SearchIndex.recountFrequencies(c);
                    done.setString(1, RECOUNT_TASK);
                    done.executeUpdate();
                    c.commit();
                    note.accept(String.format(Locale.ROOT, "counted the words again (%,d counts) in %.1f s", rows,
                            (System.nanoTime() - started) / 1e9));
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return listed.size();
        }
    }

    /**
     * At the server's start: builds the indexes that an interrupted import left dropped, before the first search
     * needs them. A failure is logged and the server starts anyway (correct, only slower); the next start retries.
     */
    void onStart(@Observes @Priority(5) StartupEvent event) {
        // (before SearchIndex's backfill of V5 and any search: both rely on the indexes and counts)
        if (!config.rebuildDeferredAtStart()) {
            return;
        }
        try {
            rebuild(line -> Log.warnf("an import was interrupted while its indexes were dropped: %s", line));
        } catch (SQLException | RuntimeException e) {
            Log.errorf("could not build the indexes an interrupted import left dropped (retried at the next"
                    + " start): %s", e.getMessage());
        }
    }
}
