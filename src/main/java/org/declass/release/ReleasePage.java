package org.declass.release;

import java.util.List;

/**
 * A page of the reading room's results.
 *
 * @param total  how many released cables match, counted up to {@link ReleaseIndex#COUNT_CAP}
 * @param capped true when more than that match ("10,000 or more")
 */
public record ReleasePage(List<ReleaseSummary> items, int total, boolean capped, int page, int size) {

    public int pages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }

    public boolean hasNext() {
        return (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public int firstShown() {
        return items.isEmpty() ? 0 : page * size + 1;
    }

    public int lastShown() {
        return page * size + items.size();
    }
}
