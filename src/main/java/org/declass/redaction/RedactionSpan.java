package org.declass.redaction;

import java.util.List;

/**
 * Characters [start, end) of a paragraph's text to hide, with the exemption codes that justify it.
 */
public record RedactionSpan(int start, int end, List<String> codes) {

    public RedactionSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a redaction needs 0 <= start < end, got " + start + ".." + end);
        }
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}
