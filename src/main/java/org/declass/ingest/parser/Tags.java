package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.List;

/** The kind of each TAGS entry (subject, geographic, program, person). */
final class Tags {

    private Tags() {
    }

    /** One kind per tag, in the same order. */
    static List<TagKind> kinds(List<String> tags) {
        List<TagKind> out = new ArrayList<>(tags.size());
        for (String t : tags) {
            out.add(kind(t));
        }
        return out;
    }

    static TagKind kind(String tag) {
        if (tag.indexOf(',') >= 0 || tag.indexOf(' ') >= 0) {
            return TagKind.PERSON;
        }
        if (tag.length() == 4 && tag.charAt(0) == 'O') {
            return TagKind.PROGRAM;
        }
        if (tag.length() == 4) {
            return TagKind.SUBJECT;
        }
        return TagKind.GEOGRAPHIC;
    }
}
