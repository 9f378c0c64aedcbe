package org.declass.cable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** For the JDBC batches that insert rows with a generated id (the bulk import's cables, the sweep's versions). */
public final class GeneratedKeys {

    private GeneratedKeys() {
    }

    /**
     * The name of a table's generated id column as the database's driver wants it for {@code getGeneratedKeys}
     * (PostgreSQL folds to lower case, H2 to upper case).
     */
    public static String[] idColumn(Connection c) throws SQLException {
        boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        return new String[] {pg ? "id" : "ID"};
    }
}
