package org.declass.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Types;
import java.util.List;

import org.declass.cable.GeneratedKeys;

/**
 * Stores released versions with one JDBC batch (the release sweep), the same columns Hibernate writes for
 * {@link ReleasedVersion}; each version gets the id the database generated.
 */
final class ReleasedVersionRows {

    static final String INSERT = "INSERT INTO released_version (cable_id, version_no, reference, origin, cable_date,"
            + " tags, subject, former_banner, released_at, released_by, approved_by, authority, document_json,"
            + " released_text, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private ReleasedVersionRows() {
    }

    static void insertAll(Connection c, List<ReleasedVersion> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT, GeneratedKeys.idColumn(c))) {
            for (ReleasedVersion v : versions) {
                int i = 1;
                s.setLong(i++, v.getCableId());
                s.setInt(i++, v.getVersionNo());
                s.setString(i++, v.getReference());
                s.setString(i++, v.getOrigin());
                if (v.getDate() == null) {
                    s.setNull(i++, Types.DATE);
                } else {
                    s.setObject(i++, v.getDate());
                }
                s.setString(i++, v.tagsColumn());
                s.setString(i++, v.getSubject());
                s.setString(i++, v.getFormerBanner());
                s.setObject(i++, OffsetDateTime.ofInstant(v.getReleasedAt(), ZoneOffset.UTC));
                s.setString(i++, v.getReleasedBy());
                s.setString(i++, v.getApprovedBy());
                s.setString(i++, v.getAuthority());
                s.setString(i++, v.getDocumentJson());
                s.setString(i++, v.getReleasedText());
                s.setString(i, v.getSha256());
                s.addBatch();
            }
            s.executeBatch();
            int n = 0;
            try (ResultSet keys = s.getGeneratedKeys()) {
                while (keys.next() && n < versions.size()) {
                    versions.get(n++).storedAs(keys.getLong(1));
                }
            }
            if (n != versions.size()) {
                throw new SQLException("expected " + versions.size() + " generated ids for released versions, got " + n);
            }
        }
    }
}
