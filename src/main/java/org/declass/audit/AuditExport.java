package org.declass.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Iterator;

/**
 * Writes matching entries as CSV or JSON Lines, oldest first, reading keyset pages: constant memory. Both carry the
 * stored columns under their column names, {@code at} in the canonical format, so that an outside tool can
 * recompute every hash from an export (docs/audit.md).
 */
final class AuditExport {

    private AuditExport() {
    }

    static final String[] COLUMNS = AuditRows.COLUMNS.replace(" ", "").split(",");

    /** One entry as a JSON object with the column names, in column order; strings escaped as in the canonical form. */
    static String jsonLine(AuditRecord r) {
        StringBuilder sb = new StringBuilder(600);
        Object[] values = {r.seq(), AuditChain.formatAt(r.at()), r.actor(), r.actorRoles(), r.action(), r.cableId(),
                r.cableReference(), r.paragraph(), r.spanStart(), r.spanEnd(), r.codes(), r.markingBefore(),
                r.markingAfter(), r.note(), r.requestId(), r.clientAddress(), r.prevHash(), r.hash()};
        sb.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(COLUMNS[i]).append("\":");
            Object v = values[i];
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number n) {
                sb.append(n.longValue());
            } else {
                AuditChain.appendString(sb, v.toString());
            }
        }
        return sb.append('}').toString();
    }

    /** @return the number of entries written */
    static long write(Connection c, AuditQuery query, AuditService.Format format, OutputStream out) {
        long n = 0;
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (format == AuditService.Format.CSV) {
                w.write(AuditCsv.HEADER);
            }
            Iterator<AuditRecord> it = AuditRows.ascending(c, query);
            while (it.hasNext()) {
                AuditRecord r = it.next();
                if (format == AuditService.Format.CSV) {
                    AuditCsv.write(w, r);
                } else {
                    w.write(jsonLine(r));
                    w.write('\n');
                }
                n++;
            }
            w.flush();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
