package org.declass.ingest.parser;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.declass.marking.Declassification;
import org.declass.marking.DeclassificationKind;

/** Readers for the values of text-header elements: the E.O. instruction (REF items: {@link References}; CLASSIFIED BY: {@link Classifiers}; TAGS: {@link Tags}). */
final class HeaderFields {

    private HeaderFields() {
    }

    static final Pattern DATE_MDY = Pattern.compile("(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4}|\\d{2})(?!\\d)");
    static final Pattern DATE_YMD = Pattern.compile("(\\d{4})\\s*[/\\-]\\s*(\\d{1,2})\\s*[/\\-]\\s*(\\d{1,2})(?!\\d)");
    static final Pattern DATE_COMPACT = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    static final Pattern DATE_WORDS = Pattern.compile(
            "(?i)(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
    static final Pattern XCODE = Pattern.compile(
            "(?i)^(?:1\\.6\\s*)?(X[1-8]|25X[1-9]|50X1-HUM|50X2-WMD|75X\\d?|MR)$");
    static final Pattern NA = Pattern.compile("(?i)^N\\s*/\\s*A\\b.*");
    static final Pattern DECL_KW = Pattern.compile("(?i)^(?:DECL(?:ASSIFY)?(?:\\s+ON)?)\\s*:?\\s*");
    static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[,;]");
    private static final Pattern SCHEDULE = Pattern.compile("(?:GDS|XGDS|RDS|XDS|ADS)\\b.*");
    private static final Pattern REDACTED = Pattern.compile("X+");

    /**
     * Reads the instruction after the order number.
     *
     * @param cableDate used for 2-digit years (R-EO-2); may be null
     */
    static Declassification readEo(String order, String raw, LocalDate cableDate) {
        String v = raw == null ? "" : raw.trim();
        if (v.isEmpty()) {
            return new Declassification(null, DeclassificationKind.UNKNOWN, order, null, List.of(), null);
        }
        if (NA.matcher(v).matches()) {
            return new Declassification(v, DeclassificationKind.NOT_APPLICABLE, order, null, List.of(), null);
        }
        Matcher kw = DECL_KW.matcher(v);
        String rest = kw.lookingAt() ? v.substring(kw.end()) : v;
        rest = rest.trim();
        String upper = rest.toUpperCase(Locale.ROOT);
        if (upper.startsWith("OADR")) {
            return new Declassification(v, DeclassificationKind.OADR, order, null, List.of(), null);
        }
        LocalDate date = null;
        List<String> exemptions = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String item : ITEM_SEPARATOR.split(rest)) {
            String it = item.trim();
            while (it.endsWith(".")) {
                it = it.substring(0, it.length() - 1).trim();
            }
            if (it.isEmpty()) {
                continue;
            }
            Matcher x = XCODE.matcher(it);
            if (x.matches()) {
                exemptions.add(x.group(1).toUpperCase(Locale.ROOT));
                continue;
            }
            if (it.equalsIgnoreCase("OADR")) {
                continue;
            }
            LocalDate d = readDate(it, cableDate);
            if (d != null && date == null) {
                date = d;
                continue;
            }
            other.add(it);
        }
        if (!exemptions.isEmpty()) {
            return new Declassification(v, DeclassificationKind.EXEMPTION, order, date, exemptions, null);
        }
        if (date == null) {
            // dates written with words inside the instruction ("DECLASSIFIED JUNE 21, 2006")
            date = readDate(rest, cableDate);
        }
        if (date != null) {
            return new Declassification(v, DeclassificationKind.DATE, order, date, List.of(), null);
        }
        if (SCHEDULE.matcher(upper).matches() || upper.isEmpty()) {
            return new Declassification(v, DeclassificationKind.UNKNOWN, order, null, List.of(), null);
        }
        if (REDACTED.matcher(upper).matches()) {
            return new Declassification(v, DeclassificationKind.UNKNOWN, order, null, List.of(), null);
        }
        return new Declassification(v, DeclassificationKind.EVENT, order, null, List.of(), String.join(", ", other));
    }

    /** A date in one of the E.O.-line forms, searched within {@code s}; null when none or invalid. */
    static LocalDate readDate(String s, LocalDate cableDate) {
        try {
            Matcher m = DATE_YMD.matcher(s);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            m = DATE_MDY.matcher(s);
            if (m.find()) {
                int month = Integer.parseInt(m.group(1));
                int day = Integer.parseInt(m.group(2));
                String y = m.group(3);
                int year = y.length() == 4 ? Integer.parseInt(y) : century(Integer.parseInt(y), month, day, cableDate);
                return LocalDate.of(year, month, day);
            }
            m = DATE_COMPACT.matcher(s);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            m = DATE_WORDS.matcher(s);
            if (m.find()) {
                int month = MONTHS.indexOf(m.group(1).toUpperCase(Locale.ROOT)) / 3 + 1;
                return LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** R-EO-2: the century that puts the DECL date within [cable date, cable date + 25 years], else 20xx. */
    static int century(int yy, int month, int day, LocalDate cableDate) {
        if (cableDate != null) {
            for (int c : new int[] {1900, 2000}) {
                try {
                    LocalDate d = LocalDate.of(c + yy, month, day);
                    if (!d.isBefore(cableDate) && !d.isAfter(cableDate.plusYears(25))) {
                        return c + yy;
                    }
                } catch (DateTimeException e) {
                    // try the other century
                }
            }
        }
        return 2000 + yy;
    }

    static String collapse(String s) {
        if (isCollapsed(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean ws = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                ws = true;
            } else {
                if (ws && sb.length() > 0) {
                    sb.append(' ');
                }
                ws = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when {@link #collapse} would return the text unchanged: single inner spaces, no other white space. */
    private static boolean isCollapsed(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == n - 1 || s.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (c <= ' ' || c == '\u00a0' || c >= '\u1680' && Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
