package org.declass.bulk;

import java.util.List;

/**
 * What a preview answers: every occurrence in a portion the reader may read, with the text around it, and nothing
 * from any other portion (no occurrence, no count, no context). {@code truncated} when more occurrences were found
 * than {@link BulkService#MAX_OCCURRENCES}; {@code occurrences} counts them all.
 *
 * @param kind     "phrase" or "pattern"
 * @param cables   the cables with occurrences (and every cable named by id), each with its occurrences counted
 * @param searched how many cables were searched
 */
public record BulkPreview(String kind, int searched, long occurrences, boolean truncated, List<CableHits> cables,
                          List<Occurrence> items) {

    /** One cable searched: its version and state now, its claimant, and how many occurrences the reader may see. */
    public record CableHits(long cable, String reference, long version, String state, String claimant,
                            int occurrences) {
    }

    /**
     * One occurrence: characters [start, end) of the portion's text ({@code paragraph}: "5", "5.A", "s7", or a header
     * portion such as "subject"), the text before and after it in that portion, and whether an existing redaction
     * already overlaps it (it would be skipped).
     */
    public record Occurrence(long cable, String reference, long version, String paragraph, int start, int end,
                             String before, String match, String after, boolean redacted) {

        /** The value of a form's checkbox for this occurrence: cable, portion, start, end and version. */
        public String key() {
            return cable + ":" + paragraph + ":" + start + ":" + end + ":" + version;
        }
    }
}
