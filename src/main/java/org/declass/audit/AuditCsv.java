package org.declass.audit;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV of entries (commons-csv), one record per entry, the columns of audit_entry in table order, CRLF
 * line ends, absent values as empty fields, {@code at} in the canonical format; attempted_name, added last to the
 * table, is the last column.
 * <p>
 * The CSV is opened in spreadsheets, which run a cell that begins with {@code =}, {@code +}, {@code -} or {@code @}
 * as a formula (and some also one that begins with a tab or a carriage return): a note {@code =HYPERLINK(...)} would
 * become a link. Such a text cell is written with a single quote before it (OWASP, "CSV Injection"), and so is one
 * that begins with a quote, so that the rule can be undone: drop the one leading {@code '} of a cell that has it. The stored
 * entry, its hash and the JSON Lines export are unchanged; {@code docs/audit/verify_export.py} checks the JSON Lines
 * export.
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
        p.printRecord(r.seq(), AuditChain.formatAt(r.at()), cell(r.actor()), cell(r.actorRoles()), cell(r.action()),
                r.cableId(), cell(r.cableReference()), r.paragraph(), r.spanStart(), r.spanEnd(), cell(r.codes()),
                cell(r.markingBefore()), cell(r.markingAfter()), cell(r.note()), cell(r.requestId()),
                cell(r.clientAddress()), r.prevHash(), r.hash(),
                cell(r.attemptedName()));
    }

    /** A text cell as a spreadsheet may open it: with a quote before a leading {@code = + - @ ' tab CR}. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + value;
            default -> value;
        };
    }
}
