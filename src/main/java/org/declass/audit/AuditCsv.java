package org.declass.audit;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 CSV of entries, one line per entry, the columns of audit_entry in table order. */
final class AuditCsv {

    static final String HEADER = "seq,at,actor,actor_roles,action,cable_id,cable_reference,paragraph,span_start,"
            + "span_end,codes,marking_before,marking_after,note,request_id,client_address,prev_hash,hash\r\n";

    private AuditCsv() {
    }

    static void write(Writer w, AuditRecord r) throws IOException {
        w.write(Long.toString(r.seq()));
        field(w, AuditChain.formatAt(r.at()));
        field(w, r.actor());
        field(w, r.actorRoles());
        field(w, r.action());
        field(w, r.cableId());
        field(w, r.cableReference());
        field(w, r.paragraph());
        field(w, r.spanStart());
        field(w, r.spanEnd());
        field(w, r.codes());
        field(w, r.markingBefore());
        field(w, r.markingAfter());
        field(w, r.note());
        field(w, r.requestId());
        field(w, r.clientAddress());
        field(w, r.prevHash());
        field(w, r.hash());
        w.write("\r\n");
    }

    private static void field(Writer w, Object value) throws IOException {
        w.write(',');
        if (value == null) {
            return;
        }
        String s = value.toString();
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        if (!quote) {
            w.write(s);
            return;
        }
        w.write('"');
        w.write(s.replace("\"", "\"\""));
        w.write('"');
    }
}
