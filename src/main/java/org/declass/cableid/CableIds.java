package org.declass.cableid;

import java.util.Locale;
import java.util.Optional;

/**
 * Canonical cable ids, as Cablegate writes them: two-digit year, origin in capitals without spaces (aliases resolved,
 * see {@link Origins}), serial without leading zeros. "05RIO123", "05 RIO DE JAN 0123" and "05 rio de janeiro 123"
 * are all "05RIODEJANEIRO123". Stateless, thread-safe, pure Java.
 */
public final class CableIds {

    private CableIds() {
    }

    /**
     * The canonical form of a typed or cited cable id, or empty when the text is not one ("05 RIO 123",
     * "05RIO123", "2005 RIO DE JANEIRO 000123", "RIO 123" with a default year).
     *
     * @param text        what was typed or cited
     * @param defaultYear the year to use when the text has none (the citing cable's year), or null
     */
    public static Optional<String> canonical(String text, Integer defaultYear) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toUpperCase(Locale.ROOT);
        int n = s.length();
        if (n < 3 || n > 120) {
            return Optional.empty();
        }
        // serial: the trailing digits
        int end = n;
        while (end > 0 && Character.isDigit(s.charAt(end - 1))) {
            end--;
        }
        String serial = end == n ? "" : stripZeros(s.substring(end));
        if (serial.isEmpty() || serial.length() > 7) {
            return Optional.empty();
        }
        // year: leading digits (2 or 4)
        int start = 0;
        while (start < end && Character.isDigit(s.charAt(start))) {
            start++;
        }
        Integer year;
        if (start == 2) {
            year = Integer.parseInt(s.substring(0, 2));
        } else if (start == 4) {
            year = Integer.parseInt(s.substring(0, 4)) % 100;
        } else if (start == 0 && defaultYear != null) {
            year = defaultYear % 100;
        } else {
            return Optional.empty();
        }
        String origin = Origins.canonical(s.substring(start, end));
        if (origin == null) {
            return Optional.empty();
        }
        return Optional.of(of(year, origin, serial));
    }

    /** The canonical id of a typed text without a default year. */
    public static Optional<String> canonical(String text) {
        return canonical(text, null);
    }

    /**
     * Builds the id from its parts.
     *
     * @param year   the year, two or four digits
     * @param origin the origin as written ("RIO DE JANEIRO", "SECSTATE"); resolved through {@link Origins}
     * @param serial the serial, leading zeros allowed
     */
    public static String of(int year, String origin, String serial) {
        String o = Origins.canonical(origin);
        return String.format(Locale.ROOT, "%02d", year % 100) + (o == null ? origin.replace(" ", "") : o)
                + stripZeros(serial);
    }

    static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
