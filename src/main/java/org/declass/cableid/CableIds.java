package org.declass.cableid;

import java.util.List;
import java.util.Optional;

/**
 * Canonical cable ids, as Cablegate writes them: two-digit year, origin in capitals without spaces (aliases resolved,
 * see {@link Origins}), serial without leading zeros. "05RIO123", "05 RIO DE JAN 0123" and "2005 rio de janeiro
 * 000123" are all "05RIODEJANEIRO123". Stateless, thread-safe, pure Java.
 */
public final class CableIds {

    private CableIds() {
    }

    /**
     * The canonical form of a typed or cited cable id, or empty when the whole text is not one cable id ("05 RIO 123",
     * "05RIO123", "2005 RIO DE JANEIRO 000123", "RIO 123" with a default year; but not "iran 2009", "IIR 6 854",
     * "STATE 123 AND 456"). The origin must be {@linkplain Origins#isKnown known}.
     *
     * @param text        what was typed or cited
     * @param defaultYear the year to use when the text has none (the citing cable's year), or null
     */
    public static Optional<String> canonical(String text, Integer defaultYear) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.length() < 3 || s.length() > 120) {
            return Optional.empty();
        }
        List<Citations.Citation> found = Citations.find(s, defaultYear);
        if (found.size() != 1 || found.get(0).start() != 0 || found.get(0).end() != s.length()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0).id());
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
        int yy = Math.floorMod(year, 100);
        return (yy < 10 ? "0" : "") + yy + (o == null ? origin.replace(" ", "") : o) + stripZeros(serial);
    }

    static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
