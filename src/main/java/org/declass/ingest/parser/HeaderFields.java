package org.declass.ingest.parser;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.declass.marking.Declassification;
import org.declass.marking.DeclassificationKind;

/** Readers for the values of text-header elements: E.O. instruction, REF items, CAB (TAGS: {@link Tags}). */
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
        for (String item : rest.split("[,;]")) {
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
        if (upper.matches("(?:GDS|XGDS|RDS|XDS|ADS)\\b.*") || upper.isEmpty()) {
            return new Declassification(v, DeclassificationKind.UNKNOWN, order, null, List.of(), null);
        }
        if (upper.matches("X+")) {
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

    // ---------------------------------------------------------------- REF

    private static final Pattern REF_BULLET = Pattern.compile(
            "(?:^|(?<=\\s))¶?(?:\\(([A-Z])\\)|([A-Z])[.)])(?=\\s|\\d)");

    /** Splits the REF text into items at lettered bullets A., B. ... (in sequence); white space collapsed. */
    static List<String> splitRefs(String s) {
        List<String> items = new ArrayList<>();
        Matcher m = REF_BULLET.matcher(s);
        char expect = 'A';
        List<int[]> cuts = new ArrayList<>();
        while (m.find()) {
            String letter = m.group(1) != null ? m.group(1) : m.group(2);
            if (letter.charAt(0) == expect) {
                cuts.add(new int[] {m.start(), m.end()});
                expect++;
            }
        }
        if (cuts.size() < 1 || (cuts.size() == 1 && cuts.get(0)[0] > 0)) {
            String one = collapse(s.replace("¶", ""));
            if (!one.isEmpty()) {
                items.add(one);
            }
            return items;
        }
        for (int i = 0; i < cuts.size(); i++) {
            int from = cuts.get(i)[0];
            int to = i + 1 < cuts.size() ? cuts.get(i + 1)[0] : s.length();
            String item = collapse(s.substring(from, to).replace("¶", ""));
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    static String collapse(String s) {
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

    // ---------------------------------------------------------------- CAB

    static final Pattern CAB_START = Pattern.compile("(?i)classi?fi?ed\\s+by\\s*:?\\s*");
    private static final Pattern REASON_KW = Pattern.compile(
            "(?i)(?:[.;,]\\s*|\\s+)(?:(?:for|under)\\s+)?(?:reasons?|reaons|resons|reason\\s*\\(s\\)|per|due\\s+to|"
                    + "(?:e\\.o\\.\\s*12958\\s*,?\\s*)?reasons?)\\b\\s*:?|(?i)(?:[.;,]?\\s*)\\bsection\\s+(?=1\\s*[.,])");
    private static final Pattern WORD3 = Pattern.compile("[A-Za-z]{3,}");
    private static final Pattern SECTION_NO = Pattern.compile("(1)\\s*[.,]\\s*([2-6])");
    private static final Pattern CAT = Pattern.compile(
            "\\(\\s*([a-hA-H])\\s*\\)|(?<![A-Za-z])([a-hA-H])(?![A-Za-z])");
    private static final Set<String> TITLE_WORDS = Set.of("AMBASSADOR", "CHARGE", "CHARGÉ", "D'AFFAIRES", "D’AFFAIRES",
            "COUNSELOR", "COUNSELLOR", "MINISTER", "CONSUL", "GENERAL", "OFFICER", "DIRECTOR", "DEPUTY", "CHIEF", "OF",
            "MISSION", "ACTING", "POLCOUNS", "ECONCOUNS", "POLMINCOUNS", "DCM", "CDA", "POLITICAL", "ECONOMIC",
            "SECRETARY", "UNDER", "ASSISTANT", "PRINCIPAL", "AFFAIRES", "POLOFF", "ECONOFF", "A/DCM", "CG", "PO",
            "THE", "AND", "FOR", "INTERIM", "SECTION", "HEAD", "COORDINATOR", "ATTACHE", "DEFENSE", "RSO", "AF",
            "POL/ECON", "POLITICAL/ECONOMIC", "CONSUL-GENERAL", "MINISTER-COUNSELOR", "AMB", "AMB.", "DAS", "S/CT");

    /** The classifier part and the reason part of a CAB text starting after "Classified By". */
    static String[] splitCab(String after) {
        Matcher r = REASON_KW.matcher(after);
        if (r.find()) {
            return new String[] {after.substring(0, r.start()), after.substring(r.end())};
        }
        Matcher sec = SECTION_NO.matcher(after);
        if (sec.find()) {
            int s = sec.start();
            return new String[] {after.substring(0, s), after.substring(s)};
        }
        return new String[] {after, null};
    }

    static ClassifiedBy readClassifier(String s) {
        if (s == null) {
            return null;
        }
        String c = collapse(s).trim();
        while (!c.isEmpty() && ".,;:".indexOf(c.charAt(c.length() - 1)) >= 0) {
            c = c.substring(0, c.length() - 1).trim();
        }
        if (c.isEmpty()) {
            return new ClassifiedBy(null, null, null);
        }
        String[] parts = c.split("\\s*[,;]\\s*");
        String first = parts[0];
        String name;
        String title = null;
        String office = null;
        String[] words = first.split(" ");
        int k = words.length;
        while (k > 0 && !TITLE_WORDS.contains(words[k - 1].toUpperCase(Locale.ROOT))) {
            k--;
        }
        if (k > 0 && k < words.length) {
            title = String.join(" ", java.util.Arrays.copyOfRange(words, 0, k));
            name = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
        } else if (k == words.length && parts.length > 1) {
            // "Ambassador, Embassy X": title only in the first part
            title = first;
            name = null;
        } else if (k == words.length) {
            title = first;
            name = null;
        } else {
            name = first;
        }
        int next = 1;
        if (title == null && parts.length > 1) {
            title = parts[1];
            next = 2;
        }
        if (parts.length > next) {
            office = String.join(", ", java.util.Arrays.copyOfRange(parts, next, parts.length));
        }
        return new ClassifiedBy(normaliseName(name), title, office);
    }

    static String normaliseName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        boolean hasLower = false;
        for (int i = 0; i < name.length(); i++) {
            if (Character.isLowerCase(name.charAt(i))) {
                hasLower = true;
                break;
            }
        }
        if (hasLower) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        boolean startWord = true;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '0' && startWord) {
                ch = 'O';
            }
            if (Character.isLetter(ch)) {
                sb.append(startWord ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
                startWord = false;
            } else {
                sb.append(ch);
                startWord = ch == ' ' || ch == '-' || ch == '.' || ch == '\'';
            }
        }
        return sb.toString();
    }

    /** Normalised reasons, e.g. ["1.4(b)", "1.4(d)"]; empty when none can be read. */
    static List<String> readReasons(String s) {
        if (s == null) {
            return List.of();
        }
        Matcher sec = SECTION_NO.matcher(s);
        if (!sec.find()) {
            return List.of();
        }
        String section = sec.group(1) + "." + sec.group(2);
        String rest = s.substring(sec.end());
        // stop at the first real word (three letters or more, other than "and")
        Matcher word = WORD3.matcher(rest);
        int stop = rest.length();
        while (word.find()) {
            if (!word.group().equalsIgnoreCase("and")) {
                stop = word.start();
                break;
            }
        }
        rest = rest.substring(0, stop);
        Set<String> letters = new TreeSet<>();
        Matcher m = CAT.matcher(rest);
        while (m.find()) {
            String l = m.group(1) != null ? m.group(1) : m.group(2);
            letters.add(l.toLowerCase(Locale.ROOT));
        }
        List<String> out = new ArrayList<>();
        if (letters.isEmpty()) {
            out.add(section);
        }
        for (String l : letters) {
            out.add(section + "(" + l + ")");
        }
        return new ArrayList<>(new LinkedHashSet<>(out));
    }
}
