package org.declass.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads the trail over plain JDBC, so that the server and the command line share it. Long reads go in keyset
 * pages by seq (the primary key), so memory stays constant on H2 and PostgreSQL alike.
 */
public final class AuditRows {

    /** The columns of audit_entry in table order (attempted_name, added later, last): selects, inserts, exports. */
    static final String COLUMNS = "seq, at, actor, actor_roles, action, cable_id, cable_reference, paragraph,"
            + " span_start, span_end, codes, marking_before, marking_after, note, request_id, client_address,"
            + " prev_hash, hash, attempted_name";

    /** An insert of every column, in {@link #COLUMNS} order. */
    static final String INSERT = "INSERT INTO audit_entry (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(COLUMNS.split(",").length - 1) + "?)";

    public static final int PAGE = 5000;

    private AuditRows() {
    }

    /** Every entry matching the query, oldest first, read lazily in pages. Unchecked SQLException on failure. */
    public static Iterator<AuditRecord> ascending(Connection connection, AuditQuery query) {
        return new Iterator<>() {
            private List<AuditRecord> page = List.of();
            private int index;
            private long after = 0;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                page = after(connection, query, after, PAGE);
                index = 0;
                exhausted = page.size() < PAGE;
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).seq();
                }
                return !page.isEmpty();
            }

            @Override
            public AuditRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
    }

    /** Up to {@code limit} entries with seq above {@code afterSeq}, oldest first. */
    public static List<AuditRecord> after(Connection connection, AuditQuery query, long afterSeq, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(afterSeq);
        String sql = "SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ?" + query.where(params)
                + " ORDER BY seq LIMIT " + limit;
        return select(connection, sql, params, limit);
    }

    /** One page of entries, newest first. */
    public static List<AuditRecord> newestFirst(Connection connection, AuditQuery query, int page, int size) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM audit_entry WHERE 1 = 1" + query.where(params)
                + " ORDER BY seq DESC LIMIT " + size + " OFFSET " + ((long) page * size);
        return select(connection, sql, params, size);
    }

    /** The cable id of the newest entry naming this reference id (index ix_audit_cable_reference), if any. */
    static java.util.Optional<Long> cableIdOf(Connection connection, String reference) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT cable_id FROM audit_entry"
                + " WHERE cable_reference = ? AND cable_id IS NOT NULL ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getLong(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    public static long count(Connection connection, AuditQuery query) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM audit_entry WHERE 1 = 1" + query.where(params);
        try (PreparedStatement ps = prepare(connection, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count audit entries: " + e.getMessage(), e);
        }
    }

    public static List<AuditCheckpoint> checkpoints(Connection connection) {
        List<AuditCheckpoint> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, head_hash, at, signature, key_id FROM audit_checkpoint ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditCheckpoint(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit checkpoints: " + e.getMessage(), e);
        }
        return out;
    }

    private static List<AuditRecord> select(Connection connection, String sql, List<Object> params, int size) {
        List<AuditRecord> out = new ArrayList<>(Math.min(size, PAGE));
        try (PreparedStatement ps = prepare(connection, sql, params)) {
            ps.setFetchSize(Math.min(size, PAGE));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
        return out;
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), (Long) nullable(rs, 6, rs.getLong(6)), rs.getString(7),
                (Integer) nullable(rs, 8, rs.getInt(8)), (Integer) nullable(rs, 9, rs.getInt(9)),
                (Integer) nullable(rs, 10, rs.getInt(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(19), rs.getString(17),
                rs.getString(18));
    }

    private static Object nullable(ResultSet rs, int column, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }
}
