package org.declass.audit;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV of entries (commons-csv), one record per entry, the columns of audit_entry in table order, CRLF
 * line ends, absent values as empty fields, {@code at} in the canonical format; attempted_name, added last to the
 * table, is the last column.
 */
final class AuditCsv {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(AuditExport.COLUMNS).get();

    private AuditCsv() {
    }

    /** A printer that has written the header line. */
    static CSVPrinter printer(Writer w) throws IOException {
        return new CSVPrinter(w, FORMAT);
    }

    static void write(CSVPrinter p, AuditRecord r) throws IOException {
        p.printRecord(r.seq(), AuditChain.formatAt(r.at()), r.actor(), r.actorRoles(), r.action(), r.cableId(),
                r.cableReference(), r.paragraph(), r.spanStart(), r.spanEnd(), r.codes(), r.markingBefore(),
                r.markingAfter(), r.note(), r.requestId(), r.clientAddress(), r.prevHash(), r.hash(),
                r.attemptedName());
    }
}
