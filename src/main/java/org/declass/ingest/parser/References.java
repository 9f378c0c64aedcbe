package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.declass.cableid.Citations;
import org.declass.cableid.Origins;
import org.declass.marking.Marking;

/**
 * Reads the REF element into items, each with the canonical ids of the cables it names, and tells the header reader
 * where the element ends.
 * <p>
 * Items are split at bullets in sequence, however written ("A.", "a.", "A)", "(A)", "(A)STATE", "A.)", "[A]",
 * "¶B.", "(1)", after ";" without a space, a bare "B" starting a line before a citation, and doubled "A. A:" or
 * "A. (A)"); without bullets, at ";" and at each
 * citation that names its own origin ("10 NAIROBI 11 09 NAIROBI 2485" is two items, "STATE 123 AND 456" one item
 * with two ids). Page furniture (page-number lines, a repeated class line) is removed first.
 */
final class References {

    private References() {
    }

    /** A misspelt or regular "Classified By" that ends the element: "Classiied By", "Classfied by", "CLASSIFIED BY". */
    static final Pattern CAB_FUZZY = Pattern.compile("(?i)(?<![A-Za-z])clas+i?f?i{0,2}e?d\\s+by(?![A-Za-z])");

    /** The number part of a page-number line: "00000918  001.2 OF 003", cut off "00000575 001.2 OF 0...". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?<![0-9])\\d{8}\\s+\\d{3}(?:\\.\\d{1,2})?\\s+(?i:OF)\\s*\\d{0,3}(?:\\.{3}|…)?");
    /** ACP-126 page header: "PAGE 02 HARARE 06677 01 OF 03 291400Z". */
    private static final Pattern PAGE_126 = Pattern.compile(
            "(?i)(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\\s+)?PAGE\\s+\\d{2,3}\\s+[A-Z][A-Z .'\\-]{0,20}?"
                    + "\\s+\\d{3,6}\\s+(?:\\d{2}\\s+OF\\s+\\d{2}\\s+)?\\d{6}Z(?:\\s+/\\d+)?");
    /** A class line repeated on a new page: "C O N F I D E N T I A L", "SECRET SECTION 02 OF 03 ROME 001234". */
    private static final Pattern CLASS_LINE = Pattern.compile(
            "(?i)\\s*(?:T\\s?O\\s?P\\s+S\\s?E\\s?C\\s?R\\s?E\\s?T|S\\s?E\\s?C\\s?R\\s?E\\s?T"
                    + "|C\\s?O\\s?N\\s?F\\s?I\\s?D\\s?E\\s?N\\s?T\\s?I\\s?A\\s?L|U\\s?N\\s?C\\s?L\\s?A\\s?S\\s?S\\s?I\\s?F\\s?I\\s?E\\s?D"
                    + "|UNCLAS(?:\\s+E\\s?F\\s?T\\s?O)?|LIMITED\\s+OFFICIAL\\s+USE)(?:\\s*//\\s*[A-Z][A-Z/ ]*)?"
                    + "(?:\\s+SECTION\\s+\\d{1,3}\\s+OF\\s+\\d{1,3})?(?:\\s+[A-Z][A-Z .'\\-]{1,30}?\\s+\\d{3,8})?\\s*");
    /** A bullet: its value is group 1, 2 or 3 (a letter, or a number without a leading zero). */
    private static final Pattern BULLET = Pattern.compile(
            "(?<![^\\s;,])¶?\\s?(?:\\(([A-Za-z]|[1-9]\\d?)\\)|\\[([A-Za-z]|[1-9]\\d?)\\]|([A-Za-z]|[1-9]\\d?)(\\.\\)|[.):]))");
    /** A letter alone at the start of a line, then white space. */
    private static final Pattern BARE_BULLET = Pattern.compile("(?m)^[ \\t]*([A-Za-z])[ \\t]+(?=\\S)");
    /** A portion mark, optionally after a paragraph number: "(SBU)", "1. (C)", "¶2. (S//NF)". */
    private static final Pattern MARK = Pattern.compile(
            "(?<![^\\s;,.])(?:¶?\\d{1,2}\\s?\\.\\s*)?(\\(\\s?[A-Za-z]{1,3}\\s?(?:/{1,2}\\s?[A-Za-z][A-Za-z ,\\-]{0,20})*\\))");
    private static final Pattern SBU = Pattern.compile("(?i)(?<![A-Za-z])SENSITIVE\\s+BUT\\s+UNCLASSIFIED");
    private static final String[] BODY_WORDS = {"SUMMARY", "BEGIN SUMMARY", "THIS IS AN ACTION", "SENSITIVE BUT",
        "-----", "_____"};

    /**
     * The items of the element's text (after the REF keyword; lines joined with new lines).
     *
     * @param citingYear the citing cable's year, for items without one; may be null (such items then get no id)
     */
    static List<Reference> read(String refText, Integer citingYear) {
        List<Reference> out = new ArrayList<>();
        for (String raw : items(clean(refText))) {
            List<String> ids = new ArrayList<>();
            for (Citations.Citation c : Citations.find(raw, citingYear)) {
                if (!ids.contains(c.id())) {
                    ids.add(c.id());
                }
            }
            out.add(new Reference(raw, ids));
        }
        return out;
    }

    /**
     * Whether a header line continues the REF element read so far.
     *
     * @param line       the line's content
     * @param afterBlank a blank line lies between the element read so far and this line
     * @param soFar      the element's text so far (after the keyword)
     */
    static boolean continues(String line, boolean afterBlank, CharSequence soFar) {
        String c = line.strip();
        if (c.isEmpty() || endsElement(c, soFar)) {
            return false;
        }
        if (isFurniture(c)) {
            return true;
        }
        if (!afterBlank) {
            return !isProse(c);
        }
        String before = clean(soFar.toString());
        if (before.isBlank()) {
            // "REFS:" alone on its line, the list after a blank line
            char first = leadingBullet(c);
            return first == 'A' || first == '1' || startsWithCitation(c);
        }
        char next = nextBullet(before);
        if (next != 0 && leadingBullet(c) == next) {
            return true;
        }
        return startsWithCitation(c);
    }

    /**
     * Where the element's text in [from, to) ends: before a paragraph glued to it ("... 1381 (U) THIS CABLE IS ...",
     * "... 123 1. (C) Summary"), a misspelt Classified By, or a "Sensitive but unclassified" statement; else to.
     */
    static int end(CharSequence text, int from, int to, CharSequence soFar) {
        String s = text.subSequence(from, to).toString();
        int best = s.length();
        // cheap looks first: Classified By has "cl", the statement "sensitive", a portion mark "("
        if (hasIgnoreCase(s, "CL")) {
            Matcher cab = CAB_FUZZY.matcher(s);
            if (cab.find() && cab.start() > 0) {
                best = cab.start();
            }
        }
        if (hasIgnoreCase(s, "SENSITIVE")) {
            Matcher sbu = SBU.matcher(s).region(0, best);
            if (sbu.find() && sbu.start() > 0) {
                best = sbu.start();
            }
        }
        Matcher m = MARK.matcher(s).region(0, best);
        boolean marks = s.indexOf('(') >= 0;
        while (marks && m.find()) {
            if (m.start() > 0 && isParagraphMark(m.group(1), soFar + "\n" + s.substring(0, m.start()),
                    s.substring(m.end()))) {
                best = m.start();
                break;
            }
        }
        if (best == s.length()) {
            return to;
        }
        while (best > 0 && Character.isWhitespace(s.charAt(best - 1))) {
            best--;
        }
        return from + best;
    }

    // ------------------------------------------------------------------ items

    /** The text without page furniture and pilcrows. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            if (isClassLine(line)) {
                continue;
            }
            String l = line.indexOf("PAGE") >= 0 ? PAGE_126.matcher(line).replaceAll(" ") : line;
            Matcher m = PAGE_NUMBER.matcher(l);
            int from = 0;
            // a page number has eight digits in a row
            boolean numbered = hasDigitRun(l, 8);
            while (numbered && m.find()) {
                sb.append(l, from, pageLineStart(l, m.start())).append(' ');
                from = m.end();
            }
            sb.append(l, from, l.length()).append('\n');
        }
        return sb.toString().replace("¶", "");
    }

    /**
     * Where a page-number line starts, given where its number starts: before the origin written ahead of the number,
     * one to three words that name a known origin ("RIO DE JAN", "UNVIE VIEN", "Moscow"), else the one word.
     */
    private static int pageLineStart(String l, int number) {
        int[] starts = new int[3];
        int found = 0;
        int i = number;
        while (found < 3) {
            while (i > 0 && Character.isWhitespace(l.charAt(i - 1))) {
                i--;
            }
            int e = i;
            while (i > 0 && Character.isLetter(l.charAt(i - 1))) {
                i--;
            }
            if (i == e) {
                break;
            }
            starts[found++] = i;
        }
        if (found == 0) {
            return number;
        }
        for (int k = found - 1; k >= 0; k--) {
            if (Origins.known(l.substring(starts[k], number)) != null) {
                return starts[k];
            }
        }
        return starts[0];
    }

    /** The items of a cleaned text, white space collapsed, trailing separators dropped. */
    static List<String> items(String s) {
        List<int[]> cuts = bullets(s);
        List<String> out = new ArrayList<>();
        if (cuts.isEmpty()) {
            for (String part : s.split(";")) {
                int from = 0;
                boolean seen = false;
                for (Citations.Citation c : Citations.find(part, 0)) {
                    if (c.sharesOrigin()) {
                        continue;
                    }
                    if (seen) {
                        add(out, part.substring(from, c.start()));
                        from = c.start();
                    }
                    seen = true;
                }
                add(out, part.substring(from));
            }
            return out;
        }
        for (int i = 0; i < cuts.size(); i++) {
            int to = i + 1 < cuts.size() ? cuts.get(i + 1)[0] : s.length();
            add(out, s.substring(cuts.get(i)[0], to));
        }
        return out;
    }

    private static void add(List<String> out, String piece) {
        String c = HeaderFields.collapse(piece);
        while (!c.isEmpty() && ";,:".indexOf(c.charAt(c.length() - 1)) >= 0) {
            c = c.substring(0, c.length() - 1).strip();
        }
        if (!c.isEmpty()) {
            out.add(c);
        }
    }

    /**
     * The bullets that split the text: the first at its start, then each next one in sequence (A, B, C... or 1, 2,
     * 3...); a bullet repeating the one just before it ("A. A:") is part of it. Each entry is {start, end, value}.
     */
    private static List<int[]> bullets(String s) {
        List<int[]> candidates = new ArrayList<>();
        Matcher m = BULLET.matcher(s).useTransparentBounds(true);
        int from = 0;
        while (findBullet(m, s, from)) {
            if (bulletFollows(m, s)) {
                candidates.add(new int[] {m.start(), m.end(), value(m)});
            }
            from = m.end();
        }
        // a bare letter at the start of a line, before a citation: "B KUALA LUMPUR 739"
        Matcher bare = BARE_BULLET.matcher(s);
        while (bare.find()) {
            if (startsWithCitation(s.substring(bare.end(), Math.min(s.length(), bare.end() + 60)))) {
                candidates.add(new int[] {bare.start(1), bare.end(), Character.toUpperCase(bare.group(1).charAt(0))});
            }
        }
        candidates.sort((x, y) -> Integer.compare(x[0], y[0]));
        int first = 0;
        while (first < s.length() && Character.isWhitespace(s.charAt(first))) {
            first++;
        }
        List<int[]> cuts = new ArrayList<>();
        char expect = 0;
        char last = 0;
        int lastEnd = -1;
        for (int[] c : candidates) {
            char v = (char) c[2];
            if (cuts.isEmpty()) {
                if (c[0] > first + 1 || v != 'A' && v != '1') {
                    return cuts;
                }
            } else if (c[0] < lastEnd) {
                continue;
            } else if (v == last && s.substring(lastEnd, c[0]).isBlank()) {
                lastEnd = c[1];
                continue;
            } else if (v != expect) {
                continue;
            }
            cuts.add(c);
            last = v;
            lastEnd = c[1];
            expect = (char) (v + 1);
        }
        return cuts;
    }

    /**
     * {@code m.find()} from {@code from} for {@link #BULLET}, tried only where a bullet can begin: at the start or
     * after white space, ";" or ",", at a pilcrow, white space, bracket, letter or digit. {@code m} has transparent
     * bounds, so its look-behind sees the character before the region.
     */
    private static boolean findBullet(Matcher m, String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            if (i > 0) {
                char b = s.charAt(i - 1);
                if (!isRegexSpace(b) && b != ';' && b != ',') {
                    continue;
                }
            }
            char c = s.charAt(i);
            if ((c == '¶' || isRegexSpace(c) || c == '(' || c == '[' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                    || c >= '1' && c <= '9') && m.region(i, n).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** "A." and "A:" need white space, a digit or a bracket after them ("U.S." is no bullet); others need nothing. */
    private static boolean bulletFollows(Matcher m, String s) {
        if (m.group(4) == null || !(m.group(4).equals(".") || m.group(4).equals(":"))) {
            return true;
        }
        int e = m.end();
        if (e >= s.length()) {
            return true;
        }
        char c = s.charAt(e);
        return Character.isWhitespace(c) || Character.isDigit(c) || c == '(' || c == '[';
    }

    /** The bullet's value: an upper-case letter, or a digit character for numbers (1..9, then ':' and on). */
    private static char value(Matcher m) {
        String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        char c = v.charAt(0);
        if (Character.isDigit(c)) {
            return (char) ('0' + Integer.parseInt(v));
        }
        return Character.toUpperCase(c);
    }

    /** The value of the bullet the line starts with ("¶B.", "(b)", a bare "B" before a citation), or 0. */
    private static char leadingBullet(String line) {
        Matcher b = BULLET.matcher(line);
        if (b.lookingAt() && bulletFollows(b, line)) {
            return value(b);
        }
        Matcher bare = BARE_BULLET.matcher(line);
        if (bare.lookingAt() && startsWithCitation(line.substring(bare.end()))) {
            return Character.toUpperCase(bare.group(1).charAt(0));
        }
        return 0;
    }

    /** The bullet that would come next after the text's items, or 0 when it has no bullets. */
    private static char nextBullet(String text) {
        List<int[]> cuts = bullets(text);
        return cuts.isEmpty() ? 0 : (char) (cuts.get(cuts.size() - 1)[2] + 1);
    }

    // ------------------------------------------------------------------ where the element ends

    private static boolean endsElement(String c, CharSequence soFar) {
        Matcher cab = CAB_FUZZY.matcher(c);
        if (cab.lookingAt() || c.startsWith("(") && cab.find() && cab.start() < 8) {
            return true;
        }
        String u = c.length() > 20 ? c.substring(0, 20).toUpperCase(Locale.ROOT)
                : c.toUpperCase(Locale.ROOT);
        for (String w : BODY_WORDS) {
            if (u.startsWith(w)) {
                return true;
            }
        }
        Matcher m = MARK.matcher(c);
        return m.lookingAt() && isParagraphMark(m.group(1), soFar.toString(), c.substring(m.end()));
    }

    /**
     * Whether a portion-mark-like "(C)" begins a paragraph rather than the next bullet: it is a paragraph unless it
     * is the next bullet in sequence and a citation or a year follows it.
     */
    private static boolean isParagraphMark(String mark, String before, String after) {
        if (Marking.parsePortion(mark).isEmpty()) {
            return false;
        }
        String inner = mark.substring(1, mark.length() - 1).strip();
        if (inner.length() == 1) {
            char next = nextBullet(clean(before));
            if (next == Character.toUpperCase(inner.charAt(0))) {
                String a = after.strip();
                return !(startsWithCitation(a) || !a.isEmpty() && Character.isDigit(a.charAt(0)));
            }
        }
        return true;
    }

    private static boolean startsWithCitation(String c) {
        String head = c.length() > 60 ? c.substring(0, 60) : c;
        List<Citations.Citation> found = Citations.find(head, 0);
        return !found.isEmpty() && head.substring(0, found.get(0).start()).isBlank();
    }

    /** A whole line of page furniture: a page-number line, a page header, a repeated class line. */
    static boolean isFurniture(String c) {
        if (isClassLine(c) || !c.isEmpty() && "UuCcSsLlPp".indexOf(c.charAt(0)) >= 0 && PAGE_126.matcher(c).matches()) {
            return true;
        }
        if (!hasDigitRun(c, 8)) {
            return false;
        }
        Matcher m = PAGE_NUMBER.matcher(c);
        return m.find() && m.end() == c.length() && pageLineStart(c, m.start()) == 0;
    }

    /** {@link #CLASS_LINE} matches the whole line; tried only when its first word can be a class word. */
    private static boolean isClassLine(String line) {
        int k = 0;
        while (k < line.length() && isRegexSpace(line.charAt(k))) {
            k++;
        }
        return k < line.length() && "TtSsCcUuLl".indexOf(line.charAt(k)) >= 0 && CLASS_LINE.matcher(line).matches();
    }

    /** True when {@code s} holds {@code len} ASCII digits in a row (a page number has eight). */
    private static boolean hasDigitRun(String s, int len) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= len) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code s} holds {@code upper} (capitals) in any case. */
    private static boolean hasIgnoreCase(String s, String upper) {
        for (int i = 0, last = s.length() - upper.length(); i <= last; i++) {
            if (s.regionMatches(true, i, upper, 0, upper.length())) {
                return true;
            }
        }
        return false;
    }

    /** A character of the regex class {@code \\s}: ASCII white space. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /** Running text: eight words or more, mostly lower case, naming no cable. */
    private static boolean isProse(String c) {
        int words = 1;
        int lower = 0;
        int upper = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == ' ') {
                words++;
            } else if (Character.isLowerCase(ch)) {
                lower++;
            } else if (Character.isUpperCase(ch)) {
                upper++;
            }
        }
        return words >= 8 && lower > 2 * upper && Citations.find(c, 0).isEmpty() && !BULLET.matcher(c).lookingAt();
    }
}
