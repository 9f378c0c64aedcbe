package org.declass.paging;

import java.util.regex.Pattern;

import jakarta.ws.rs.BadRequestException;

/**
 * One page of a list, as the request's {@code page} and {@code size} parameters ask for it, within bounds: the page
 * counts from 0, the size from 1 to {@link #MAX_SIZE} (a list may allow fewer), and the page may not reach beyond
 * {@link #MAX_ROWS} rows (a list may allow fewer), so that {@code page * size} never overflows and no request makes
 * the database skip millions of rows. Anything else, a word or a number out of range, is a 400 naming the parameter.
 *
 * @param page the page number, from 0
 * @param size the rows per page
 */
public record PageRequest(int page, int size) {

    /** The largest page size of any list. */
    public static final int MAX_SIZE = 200;

    /** The deepest row any list pages to: narrow the filters (or export) to see further. */
    public static final int MAX_ROWS = 1_000_000;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,18}");

    public PageRequest {
        check(page, size, MAX_SIZE, MAX_ROWS);
    }

    /** The parameters as written in the URL (either may be absent: page 0, {@code defaultSize}). */
    public static PageRequest of(String page, String size, int defaultSize) {
        return of(page, size, defaultSize, MAX_SIZE, MAX_ROWS);
    }

    /** As {@link #of(String, String, int)}, for a list that allows at most {@code maxSize} rows a page and {@code maxRows} rows in all. */
    public static PageRequest of(String page, String size, int defaultSize, int maxSize, int maxRows) {
        return within(number("page", page, 0), number("size", size, defaultSize), maxSize, maxRows);
    }

    /** Numbers already read (a caller inside the application): the same bounds, the same 400s. */
    public static PageRequest within(int page, int size, int maxSize, int maxRows) {
        check(page, size, maxSize, maxRows);
        return new PageRequest(page, size);
    }

    /** The first row of the page, counted from 0. */
    public int offset() {
        return page * size;
    }

    private static void check(int page, int size, int maxSize, int maxRows) {
        if (size < 1 || size > maxSize) {
            throw new BadRequestException("size must be between 1 and " + maxSize);
        }
        if (page < 0) {
            throw new BadRequestException("page must not be negative");
        }
        if (((long) page + 1) * size > maxRows) {
            throw new BadRequestException("page is too deep: narrow the search (at most " + maxRows
                    + " results are paged; with size " + size + " the last page is " + (maxRows / size - 1) + ")");
        }
    }

    /** A whole number as written in the URL, or {@code otherwise} when absent; anything else is a 400 naming it. */
    static int number(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String v = value.trim();
        if (!WHOLE_NUMBER.matcher(v).matches()) {
            throw new BadRequestException(name + " must be a whole number");
        }
        // beyond int: the bounds check names the problem (too deep, too large, negative)
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(v)));
    }
}
