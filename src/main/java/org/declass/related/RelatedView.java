package org.declass.related;

import java.time.LocalDate;
import java.util.List;

/**
 * What is related to one cable, as one reader may know it. Lists that compare whole bodies (duplicates,
 * near-duplicates) name only cables the reader may read whole, and only when the reader may read this one whole;
 * shared passages only where the reader may read the passage in both; REF links only where the citing cable's REF
 * line is readable to them.
 */
public record RelatedView(long cable, String reference, List<Related> duplicates, List<Related> nearDuplicates,
                          List<Quote> sharedPassages, List<Related> references, List<Related> referencedBy) {

    /**
     * A related cable. {@code id} is null for a REF citation of a cable not stored here; {@code similarity} (the
     * estimated Jaccard similarity of 4-word shingles, 0 to 1) only for a near-duplicate.
     */
    public record Related(Long id, String reference, LocalDate date, String state, Double similarity) {
    }

    /** Paragraphs this cable shares with another: {@code here} and {@code there} are their addresses ("2", "4.A"). */
    public record Quote(Related cable, List<Shared> passages) {
    }

    public record Shared(String here, String there) {
    }
}
