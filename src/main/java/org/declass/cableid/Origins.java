package org.declass.cableid;

import java.util.Locale;
import java.util.Map;

/**
 * Origin names as they appear in cable ids, with the aliases cables use for the same post when citing it: SECSTATE
 * is STATE, "RIO DE JAN" and "RIO" are RIODEJANEIRO, "USUN NEW YORK" is USUNNEWYORK.
 */
public final class Origins {

    private Origins() {
    }

    /** Alias (upper case, without spaces or punctuation) to canonical origin. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("SECSTATE", "STATE"),
            Map.entry("SECSTATEWASHDC", "STATE"),
            Map.entry("STATEWASHDC", "STATE"),
            Map.entry("DEPTOFSTATE", "STATE"),
            Map.entry("RIO", "RIODEJANEIRO"),
            Map.entry("RIODEJAN", "RIODEJANEIRO"),
            Map.entry("USUN", "USUNNEWYORK"),
            Map.entry("USUNNY", "USUNNEWYORK"),
            Map.entry("USUNNEWYORK", "USUNNEWYORK"));

    /**
     * The canonical origin for a written one, or null when it is not a plausible origin (empty, or containing
     * characters other than letters, spaces, dots and hyphens).
     */
    public static String canonical(String written) {
        if (written == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= 'a' && c <= 'z') {
                sb.append((char) (c - 32));
            } else if (c >= 'A' && c <= 'Z') {
                sb.append(c);
            } else if (c == ' ' || c == '.' || c == '-' || c == '\t') {
                continue;
            } else {
                return null;
            }
        }
        if (sb.length() < 2) {
            return null;
        }
        String key = sb.toString().toUpperCase(Locale.ROOT);
        return ALIASES.getOrDefault(key, key);
    }
}
