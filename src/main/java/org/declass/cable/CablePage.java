package org.declass.cable;

import java.util.List;

/**
 * One page of the cable list, with the total count of matches. A total is exact unless {@code totalCapped}: then
 * at least {@code total} match ("10,000+" for filters, "1,000+" for a search combining words or a finding code with
 * anything else; see {@link CableRepository#count}). A single word alone is always counted exactly.
 */
public record CablePage(List<CableSummary> items, long total, boolean totalCapped, int page, int size) {

    public CablePage(List<CableSummary> items, long total, int page, int size) {
        this(items, total, false, page, size);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    /** The total as shown: "12,345", or "1,000+" when counting stopped there. */
    public String totalLabel() {
        return String.format(java.util.Locale.ROOT, "%,d", total) + (totalCapped ? "+" : "");
    }

    /** The number of pages as shown: "21", or "20+" when the total is capped. */
    public String pagesLabel() {
        return String.format(java.util.Locale.ROOT, "%,d", pages()) + (totalCapped ? "+" : "");
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
