package org.declass.cable;

import java.util.List;

/** One page of the cable list, with the total count of matches. */
public record CablePage(List<CableSummary> items, long total, int page, int size) {
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
