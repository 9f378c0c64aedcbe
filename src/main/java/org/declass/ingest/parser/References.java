package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.declass.cableid.CableIds;

/** Reads the REF element into items, each with the canonical ids of the cables it names. */
final class References {

    private References() {
    }

    private static final Pattern CITED = Pattern.compile(
            "(?<![A-Za-z0-9])(?:(\\d{2}|\\d{4})\\s*)?([A-Z][A-Z .\\-]{1,30}?)\\s+0*(\\d{1,7})(?![0-9/])");

    /**
     * The items of the element's text (after the REF keyword).
     *
     * @param citingYear the citing cable's year, for items without one; may be null
     */
    static List<Reference> read(String refText, Integer citingYear) {
        List<Reference> out = new ArrayList<>();
        for (String raw : HeaderFields.splitRefs(refText)) {
            out.add(new Reference(raw, ids(raw, citingYear)));
        }
        return out;
    }

    private static final Pattern BULLET = Pattern.compile("^\\(?[A-Z0-9]{1,2}[.)]\\)?\\s*");

    static List<String> ids(String item, Integer citingYear) {
        List<String> ids = new ArrayList<>();
        Matcher b = BULLET.matcher(item);
        Matcher m = CITED.matcher(b.lookingAt() ? item.substring(b.end()) : item);
        while (m.find()) {
            String written = (m.group(1) == null ? "" : m.group(1) + " ") + m.group(2).trim() + " " + m.group(3);
            CableIds.canonical(written, citingYear).ifPresent(ids::add);
        }
        return ids;
    }
}
