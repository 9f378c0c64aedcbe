package org.declass.release;

import io.quarkus.qute.TemplateExtension;
import org.declass.redaction.CableDocument;

/** Display values of a {@link CableDocument} for the shared tag {@code tags/cableDocument.html}. */
@TemplateExtension
public class DocumentExtensions {

    private DocumentExtensions() {
    }

    /** Element id suffix of a block: "5-A", or "u3" for the third unnumbered block. */
    static String anchor(CableDocument.Block b) {
        return b.address().replace('.', '-').replace("·", "u");
    }

    static String codesLine(CableDocument.Piece p) {
        return String.join(" ", p.codes());
    }

    static boolean proposed(CableDocument.Piece p) {
        return p.kind() == CableDocument.PieceKind.PROPOSED;
    }

    static boolean eoLine(CableDocument.HeaderLine h) {
        return "E.O.".equals(h.label());
    }

    /** "S" for the level colour class of a banner or mark such as "SECRET//NOFORN" or "(S//NF)". */
    static String levelClass(String marking) {
        String m = marking == null ? "" : marking.replace("(", "").trim();
        if (m.startsWith("TOP SECRET") || m.startsWith("TS")) {
            return "TS";
        }
        return m.isEmpty() ? "U" : m.substring(0, 1);
    }

    static String codesText(CableDocument.IndexEntry e) {
        return String.join(", ", e.codes());
    }

    static String meaningsText(CableDocument.IndexEntry e) {
        return String.join("; ", e.meanings());
    }

    static String dateText(CableDocument doc) {
        return doc.date() == null ? "date unknown" : doc.date().toString();
    }
}
