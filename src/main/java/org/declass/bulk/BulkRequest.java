package org.declass.bulk;

import java.util.List;

/**
 * The body of {@code POST /api/redactions/bulk}: what to look for ({@code phrase}, a term or a phrase, or
 * {@code pattern}, a regular expression; exactly one), where ({@code cables}, ids, or {@code q}, a search; exactly
 * one), the exemption codes and a note for the redactions, and whether this is only a {@code preview}. When applying,
 * {@code accept} may name the occurrences to redact (from a preview); they name their cables, so that cables and q
 * may then be left out. Without it every occurrence is redacted.
 */
public record BulkRequest(String pattern, String phrase, List<Long> cables, String q, List<String> codes, String note,
                          Boolean preview, List<Accepted> accept) {

    /**
     * One occurrence chosen from a preview. {@code version}, when sent, is the cable's version the preview showed: a
     * cable changed since is skipped as stale.
     */
    public record Accepted(Long cable, String paragraph, Integer start, Integer end, Long version) {
    }

    public boolean isPreview() {
        return Boolean.TRUE.equals(preview);
    }
}
