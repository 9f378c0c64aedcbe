package org.declass.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.declass.audit.AuditCheckpoint;
import org.declass.audit.AuditRows;

/**
 * What a database holds, as far as a backup is concerned, read over plain JDBC (the server, the commands and the
 * restored copy alike): the schema version Flyway applied last, the audit chain's head, its first entry's hash (which
 * tells one trail from another), the newest signed checkpoint, and how many cables and accounts there are.
 *
 * @param schemaVersion  Flyway's newest applied version, or null without a schema
 * @param auditEntries   the chain head's seq (0: an empty trail)
 * @param headHash       the head's hash (null when empty)
 * @param firstHash      entry 1's hash (null when empty)
 * @param lastCheckpoint the newest signed checkpoint, when there is one
 * @param cables         stored cables
 * @param accounts       accounts
 */
public record DatabaseState(String schemaVersion, long auditEntries, String headHash, String firstHash,
                            Optional<AuditCheckpoint> lastCheckpoint, long cables, long accounts) {

    /** A database without Declass's tables. */
    static final DatabaseState NONE = new DatabaseState(null, 0, null, null, Optional.empty(), 0, 0);

    /** Whether the database holds anything a restore would overwrite. */
    public boolean holdsData() {
        return auditEntries > 0 || cables > 0 || accounts > 0;
    }

    public String describe() {
        return schemaVersion == null ? "no Declass schema" : String.format(java.util.Locale.ROOT,
                "schema version %s, %,d audit entries, %,d cables, %,d accounts", schemaVersion, auditEntries, cables,
                accounts);
    }

    public static DatabaseState read(Connection c) throws SQLException {
        if (!hasTable(c, "audit_head")) {
            return NONE;
        }
        long seq = 0;
        String head = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1);
                head = seq == 0 ? null : rs.getString(2);
            }
        }
        List<AuditCheckpoint> checkpoints = AuditRows.checkpoints(c);
        return new DatabaseState(schemaVersion(c), seq, head, seq == 0 ? null : hashAt(c, 1).orElse(null),
                checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1)),
                count(c, "cable"), count(c, "app_user"));
    }

    /** The stored hash of entry {@code seq}, if there is such an entry. */
    public static Optional<String> hashAt(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static String schemaVersion(Connection c) throws SQLException {
        if (!hasTable(c, "flyway_schema_history")) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\""
                + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException quotedNamesDiffer) {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM flyway_schema_history"
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        if (!hasTable(c, table)) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        var meta = c.getMetaData();
        for (String n : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, n, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
