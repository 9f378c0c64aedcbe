package org.declass.cable;

import java.util.List;

/**
 * One page of the cable list, with the total count of matches. Counting stops at
 * {@link CableRepository#COUNT_CAP}: then {@code total} is that cap and {@code totalCapped} is true ("10,000+").
 */
public record CablePage(List<CableSummary> items, long total, boolean totalCapped, int page, int size) {

    public CablePage(List<CableSummary> items, long total, int page, int size) {
        this(items, total, false, page, size);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
