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

import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes matching entries as CSV or JSON Lines, oldest first, reading keyset pages: constant memory. */
final class AuditExport {

    private AuditExport() {
    }

    /** @return the number of entries written */
    static long write(Connection c, AuditQuery query, AuditService.Format format, OutputStream out,
                      ObjectMapper json) {
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
                    w.write(json.writeValueAsString(AuditEntryView.of(r)));
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
