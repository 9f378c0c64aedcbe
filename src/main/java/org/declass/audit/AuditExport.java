package org.declass.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

/**
 * Writes matching entries as CSV or JSON Lines, oldest first, reading keyset pages: constant memory. Both carry the
 * stored columns under their column names, {@code at} in the canonical format, so that an outside tool can
 * recompute every hash from an export (docs/audit.md). Every entry goes out through the reader's {@link EntryLens}:
 * what the reader may not read is withheld (and, in JSON Lines, named in {@code "withheld"}).
 */
final class AuditExport {

    private AuditExport() {
    }

    static final String[] COLUMNS = AuditRows.COLUMNS.replace(" ", "").split(",");

    /**
     * One entry as a JSON object with the column names, in column order; strings escaped as in the canonical form.
     * When fields were withheld from the reader, a last member {@code "withheld"} names them (their values are
     * then the placeholder or null, and the entry's hash cannot be recomputed from this line).
     */
    static String jsonLine(AuditRecord r, java.util.List<String> withheld) {
        StringBuilder sb = new StringBuilder(600);
        Object[] values = {r.seq(), AuditChain.formatAt(r.at()), r.actor(), r.actorRoles(), r.action(), r.cableId(),
                r.cableReference(), r.paragraph(), r.spanStart(), r.spanEnd(), r.codes(), r.markingBefore(),
                r.markingAfter(), r.note(), r.requestId(), r.clientAddress(), r.prevHash(), r.hash(),
                r.attemptedName()};
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
        if (!withheld.isEmpty()) {
            sb.append(",\"withheld\":[");
            for (int i = 0; i < withheld.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                AuditChain.appendString(sb, withheld.get(i));
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    static String jsonLine(AuditRecord r) {
        return jsonLine(r, java.util.List.of());
    }

    /**
     * Writes every entry matching the query as the lens's reader may see it. Rows are read in keyset pages of
     * {@link AuditRows#PAGE}; the classifications of each page's cables are looked up in one call before it is
     * written, and kept in the lens's bounded cache: memory does not grow with the trail.
     *
     * @return the number of entries written
     */
    static long write(Connection c, AuditQuery query, AuditService.Format format, OutputStream out, EntryLens lens) {
        long n = 0;
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            CSVPrinter csv = format == AuditService.Format.CSV ? AuditCsv.printer(w) : null;
            long after = 0;
            while (true) {
                List<AuditRecord> page = AuditRows.after(c, query, after, AuditRows.PAGE);
                if (page.isEmpty()) {
                    break;
                }
                lens.prepare(page);
                for (AuditRecord r : page) {
                    List<String> withheld = lens.withheld(r);
                    AuditRecord shown = withheld.isEmpty() ? r : lens.shown(r);
                    if (csv != null) {
                        AuditCsv.write(csv, shown);
                    } else {
                        w.write(jsonLine(shown, withheld));
                        w.write('\n');
                    }
                    n++;
                }
                if (page.size() < AuditRows.PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).seq();
            }
            w.flush();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
