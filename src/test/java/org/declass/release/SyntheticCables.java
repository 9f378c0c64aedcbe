package org.declass.release;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Cables written straight into the tables with raw JDBC batches, for the benchmark and the crash and cluster tests:
 * each has a computed release date; the ones meant to be released get the text, header and one paragraph that the
 * frozen rendering needs, the others only their row.
 */
final class SyntheticCables {

    static final String HEADER_JSON = "{\"partial\":false,\"sections\":1,\"captions\":[],\"declassRaw\":\"DECL: %s\","
            + "\"declassOrder\":\"12958\",\"exemptions\":[],\"declassEvent\":null,\"references\":[],"
            + "\"classifiedByName\":null,\"classifiedByTitle\":null,\"classifiedByOffice\":null,\"reasons\":[],"
            + "\"entireText\":null,\"subjectMark\":null,\"dateHint\":null}";

    private SyntheticCables() {
    }

    /**
     * Inserts {@code count} cables named {@code prefix + n}, in batches of 1,000 committed one by one.
     *
     * @param state    the workflow state of every cable (APPROVED ones get approved_by = "approver")
     * @param releaseOn the effective release date of every cable
     * @param withText whether to write the text, header and paragraph (needed to release it)
     */
    static void insert(Connection c, String prefix, int count, String state, LocalDate releaseOn, boolean withText)
            throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String sql = "INSERT INTO cable (reference, origin, serial, cable_date, level_rank, controls, banner,"
                + " cable_wide_noforn, subject, subject_level_rank, subject_foreign_restricted, tags, declass_kind,"
                + " declass_date, state, version, paragraph_count, error_count, finding_count, sha256, size_bytes,"
                + " ingested_at, ingested_by, approved_by, approved_at, release_on, release_basis, release_rule_basis,"
                + " release_rule_on, release_rule) VALUES (?, 'BENCHPOST', ?, ?, 1, '', 'CONFIDENTIAL', FALSE, ?, 1,"
                + " FALSE, 'PGOV', 'DATE', ?, ?, 0, ?, 0, 0, ?, 100, ?, 'system:bench', ?, ?, ?, 'DECL_DATE',"
                + " 'DECL_DATE', ?, ?)";
        Timestamp now = Timestamp.from(Instant.now());
        boolean approved = "APPROVED".equals(state);
        try (PreparedStatement cable = c.prepareStatement(sql, new String[] {pg ? "id" : "ID"});
             PreparedStatement text = c.prepareStatement("INSERT INTO cable_text (cable_id, original, header_json)"
                     + " VALUES (?, ?, ?)");
             PreparedStatement para = c.prepareStatement("INSERT INTO paragraph (cable_id, seq, number, sub, heading,"
                     + " mark_level_rank, mark_controls, effective_level_rank, foreign_restricted, start_offset,"
                     + " end_offset, text) VALUES (?, 1, 1, NULL, NULL, 1, '', 1, FALSE, 0, 60, ?)")) {
            for (int start = 0; start < count; start += 1000) {
                int n = Math.min(1000, count - start);
                for (int i = 0; i < n; i++) {
                    String ref = prefix + (start + i);
                    int k = 1;
                    cable.setString(k++, ref);
                    cable.setString(k++, String.valueOf(start + i));
                    cable.setDate(k++, Date.valueOf(releaseOn.minusYears(10)));
                    cable.setString(k++, "INVENTED SUBJECT " + ref);
                    cable.setDate(k++, Date.valueOf(releaseOn));
                    cable.setString(k++, state);
                    cable.setInt(k++, withText ? 1 : 0);
                    cable.setString(k++, String.format("%064x", (long) ref.hashCode() & 0xffffffffL)
                            .substring(0, 48) + String.format("%016x", (long) (start + i)));
                    cable.setTimestamp(k++, now);
                    cable.setString(k++, approved ? "approver" : null);
                    cable.setTimestamp(k++, approved ? now : null);
                    cable.setDate(k++, Date.valueOf(releaseOn));
                    cable.setDate(k++, Date.valueOf(releaseOn));
                    cable.setString(k, "DECL date " + releaseOn);
                    cable.addBatch();
                }
                cable.executeBatch();
                if (withText) {
                    try (ResultSet keys = cable.getGeneratedKeys()) {
                        while (keys.next()) {
                            long id = keys.getLong(1);
                            text.setLong(1, id);
                            text.setString(2, "C O N F I D E N T I A L BENCHPOST\n\n1. (C) Invented text of cable "
                                    + id + ".\n");
                            text.setString(3, HEADER_JSON.formatted(releaseOn));
                            text.addBatch();
                            para.setLong(1, id);
                            para.setString(2, "Invented text of cable " + id + ", nothing secret in it at all..");
                            para.addBatch();
                        }
                    }
                    text.executeBatch();
                    para.executeBatch();
                }
                c.commit();
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Checks every cable named {@code prefix%}: RELEASED, exactly one released version and exactly one CABLE_RELEASED
     * audit entry. Returns a description of the first problems found, or an empty string.
     */
    static String exactlyOnceProblems(Connection c, String prefix, int expected) throws SQLException {
        StringBuilder out = new StringBuilder();
        long released = count(c, "select count(*) from cable where reference like '" + prefix + "%' and state = 'RELEASED'");
        if (released != expected) {
            out.append(released).append(" of ").append(expected).append(" released; ");
        }
        long multiVersion = count(c, "select count(*) from (select v.cable_id from released_version v join cable c"
                + " on c.id = v.cable_id where c.reference like '" + prefix + "%' group by v.cable_id"
                + " having count(*) <> 1) x");
        long versions = count(c, "select count(*) from released_version v join cable c on c.id = v.cable_id"
                + " where c.reference like '" + prefix + "%'");
        long multiAudit = count(c, "select count(*) from (select a.cable_id from audit_entry a join cable c"
                + " on c.id = a.cable_id where c.reference like '" + prefix + "%' and a.action = 'CABLE_RELEASED'"
                + " group by a.cable_id having count(*) <> 1) x");
        long audits = count(c, "select count(*) from audit_entry a join cable c on c.id = a.cable_id"
                + " where c.reference like '" + prefix + "%' and a.action = 'CABLE_RELEASED'");
        if (multiVersion > 0 || versions != expected) {
            out.append(versions).append(" released versions, ").append(multiVersion)
                    .append(" cables with more than one; ");
        }
        if (multiAudit > 0 || audits != expected) {
            out.append(audits).append(" CABLE_RELEASED entries, ").append(multiAudit)
                    .append(" cables with more than one; ");
        }
        return out.toString();
    }
}
