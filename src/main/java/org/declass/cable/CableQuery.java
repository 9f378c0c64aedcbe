package org.declass.cable;

import org.declass.marking.ClassificationLevel;
import org.declass.paging.PageRequest;

/**
 * Filters for the cable list; each may be null. Paging happens in the database; requests are bounded by
 * {@link PageRequest} before they get here, and the constructor only keeps internal callers in range.
 *
 * @param rule a finding code (R-LVL-1, P-NO-TAGS): only cables with such a finding
 * @param q text to look for in the reference, the subject (only where the reader may read it) and the tags
 */
public record CableQuery(ClassificationLevel level, String origin, WorkflowState state, String q, Boolean hasErrors,
                         String rule, String sort, int page, int size) {

    public static final int MAX_SIZE = PageRequest.MAX_SIZE;

    public CableQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
        origin = blankToNull(origin);
        q = blankToNull(q);
        rule = blankToNull(rule);
        sort = sort == null ? "date" : sort;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
