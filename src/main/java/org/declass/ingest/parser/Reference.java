package org.declass.ingest.parser;

import java.util.List;

/**
 * One item of the REF element.
 *
 * @param raw the item as written, white space collapsed, page furniture removed ("A. 09 STATE 1234")
 * @param ids the canonical ids of the cables it names, in order (usually one; none for an e-mail, a call, a
 *            meeting or a document that is not a cable); see {@link org.declass.cableid.CableIds}
 */
public record Reference(String raw, List<String> ids) {

    public Reference {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    /** The first cable the item names, or null. */
    public String id() {
        return ids.isEmpty() ? null : ids.get(0);
    }
}
