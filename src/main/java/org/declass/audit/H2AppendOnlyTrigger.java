package org.declass.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger on audit_entry and audit_checkpoint (db/h2/V2_1__audit_append_only.sql): rejects every UPDATE and
 * DELETE, whoever issues it.
 */
public class H2AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String op = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException("audit trail is append-only: " + op + " on " + table + " rejected", "42501");
    }
}
