package org.declass.audit;

import java.util.List;

/** One page of entries, newest first. */
public record AuditPage(List<AuditEntryView> items, long total, int page, int size) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
