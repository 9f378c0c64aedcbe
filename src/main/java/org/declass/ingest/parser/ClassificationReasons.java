package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reason part of a CLASSIFIED BY element: where it begins ("for reasons", "per 1.4", "E.O. 12958"), what it
 * says (["1.4(b)", "1.4(d)"]) and whether its list is complete or wraps onto the next line ("1.4 (b) and" / "(d).").
 */
final class ClassificationReasons {

    private ClassificationReasons() {
    }

    /** A section number at a digit: "1.4", "1 .4", "1,4", "14 (b)". */
    private static final Pattern SECTION_AT = Pattern.compile(
            "1\\s?[.,]\\s?[2-6](?!\\d)|1[2-6](?=\\s*\\(\\s*[a-hA-H]\\s*\\))");
    /** The order at an "E": "E.O. 12958", "EO 13526". */
    private static final Pattern ORDER_AT = Pattern.compile("[Ee]\\.?\\s?[Oo]\\.?\\s*1[23]\\d{3}(?!\\d)");
    /** Words that begin a reason: "reasons", misspelt "reaons", "rationale". */
    private static final Set<String> REASON_KEYWORDS = Set.of("reason", "reasons", "reaons", "resons", "rationale");
    /** The section of E.O. 12958 or 13526 the reason cites: "1.4", "1.5", "14" (groups: 1, the subsection). */
    private static final Pattern SECTION_NO = Pattern.compile("(1)\\s*[.,]?\\s*([2-6])(?!\\d)");
    /** A real word, which ends the list of categories. */
    private static final Pattern WORD3 = Pattern.compile("[A-Za-z]{3,}");
    /** A category letter: "(b)", "b". */
    private static final Pattern CAT = Pattern.compile(
            "\\(\\s*([a-hA-H])\\s*\\)|(?<![A-Za-z])([a-hA-H])(?![A-Za-z])");
    /** A paragraph glued after the reason in a flattened text: "1. (C) Summary", "¶2.". */
    private static final Pattern NEXT_PARAGRAPH = Pattern.compile("¶|(?<![\\d.])\\d{1,3}\\s?\\.\\s*\\(");
    /** A line holding nothing but a reason list: "1.4(C).", "1.4 (b), (c), and (d)." (possessive: no backtracking) */
    private static final Pattern REASON_LIST = Pattern.compile(
            "(?i)\\s*\\(?\\s*1\\s*[.,]\\s*[2-6](?:[\\s(),\\[\\]&/+.]|[a-h](?![a-z])|and(?![a-z]))*+");
    /** The start of a line that is the reason: "1.4 (b)", "Reasons:". */
    private static final Pattern STARTS_REASON = Pattern.compile(
            "(?i)\\s*(?:\\(?\\s*1\\s*[.,]\\s*[2-6](?!\\d)|reasons?(?![A-Za-z]))");
    /** The start of a line that continues a reason list whose categories are missing or cut. */
    private static final Pattern REASON_CONTINUES = Pattern.compile(
            "(?i)\\s*(?:[(\\[&,/+.)]|\\d|a?nd?(?![A-Za-z])|[a-h](?![A-Za-z]))");

    /**
     * True when {@code reason} (the text from where the reason begins) is complete: a section number and its
     * categories, no open bracket, no dangling "and" or ",".
     */
    static boolean complete(String reason) {
        Matcher sec = SECTION_NO.matcher(reason);
        return sec.find() && listComplete(reason.substring(sec.end()));
    }

    /**
     * True when {@code line} continues {@code reason} (the text from where the reason begins): the list is still to
     * come ("for reasons" at a line end) and the line begins it, or the list is cut ("1.4 (b) and") and the line goes
     * on with it ("(d).").
     */
    static boolean continuedBy(String reason, String line) {
        Matcher sec = SECTION_NO.matcher(reason);
        if (!sec.find()) {
            return STARTS_REASON.matcher(line).lookingAt() || REASON_CONTINUES.matcher(line).lookingAt()
                    || line.trim().toUpperCase(Locale.ROOT).startsWith("E.O");
        }
        return !listComplete(reason.substring(sec.end())) && REASON_CONTINUES.matcher(line).lookingAt();
    }

    /**
     * Where the reason begins in {@code s} at or after {@code from}, or -1: its keyword ("reasons"), a section number
     * ("1.4", "14 (b)"), "section 1.", or the order ("E.O. 12958"); a "for", "under", "per" or "due to" before it is
     * part of it. A scan with character checks first: it runs on every element.
     */
    static int start(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            int at = -1;
            if (Character.isLetter(c) && !Character.isLetter(before)) {
                int e = i;
                while (e < n && Character.isLetter(s.charAt(e))) {
                    e++;
                }
                // the keywords begin with r ("reasons", "rationale") or s ("section"), in any case
                if (c == 'r' || c == 'R' || c == 's' || c == 'S') {
                    String w = s.substring(i, e).toLowerCase(Locale.ROOT);
                    if (REASON_KEYWORDS.contains(w)) {
                        at = i;
                    } else if (w.equals("section")) {
                        int d = skipSpaces(s, e);
                        if (d < n && s.charAt(d) == '1' && SECTION_AT.matcher(s).region(d, n).lookingAt()) {
                            at = i;
                        }
                    }
                } else if ((c == 'E' || c == 'e') && ORDER_AT.matcher(s).region(i, n).lookingAt()) {
                    at = i;
                }
                if (at < 0) {
                    i = e - 1;
                    continue;
                }
            } else if (c == '1' && !Character.isDigit(before) && before != '.'
                    && SECTION_AT.matcher(s).region(i, n).lookingAt()) {
                at = before == '(' ? i - 1 : i;
            }
            if (at >= 0) {
                return withPrefix(s, at, from);
            }
        }
        return -1;
    }

    /** {@code at}, or the start of a "for", "under", "per", "due to" written right before it. */
    private static int withPrefix(String s, int at, int floor) {
        int e = at;
        while (e > floor && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        if (e == at) {
            return at;
        }
        int b = e;
        while (b > floor && Character.isLetter(s.charAt(b - 1))) {
            b--;
        }
        String w = s.substring(b, e).toLowerCase(Locale.ROOT);
        if (w.equals("for") || w.equals("under") || w.equals("per")) {
            return b;
        }
        if (w.equals("to")) {
            int e2 = b;
            while (e2 > floor && Character.isWhitespace(s.charAt(e2 - 1))) {
                e2--;
            }
            if (e2 >= floor + 3 && s.substring(e2 - 3, e2).equalsIgnoreCase("due")) {
                return e2 - 3;
            }
        }
        return at;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** True when {@code line} begins like the wrapped reason of an element: "1.4 (b) and (d).", "Reasons: ...". */
    static boolean startsLine(String line) {
        return STARTS_REASON.matcher(line).lookingAt();
    }

    /** True when {@code line} is nothing but a reason list ("1.4(C).") wrapped off its element. */
    static boolean isList(String line) {
        return REASON_LIST.matcher(line).matches();
    }

    /** True when the categories after a section number are complete: no open bracket, no dangling "and" or ",". */
    private static boolean listComplete(String afterSection) {
        Matcher word = WORD3.matcher(afterSection);
        while (word.find()) {
            if (!word.group().equalsIgnoreCase("and")) {
                // a real word after the list: the list has ended
                return true;
            }
        }
        int open = 0;
        for (int i = 0; i < afterSection.length(); i++) {
            char c = afterSection.charAt(i);
            if (c == '(') {
                open++;
            } else if (c == ')') {
                open--;
            }
        }
        if (open > 0) {
            return false;
        }
        String t = afterSection.strip();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (last == ',' || last == '&' || last == '/' || last == '+' || last == '(') {
            return false;
        }
        int w = t.length();
        while (w > 0 && Character.isLetter(t.charAt(w - 1))) {
            w--;
        }
        // a last word that is no single category letter ("an", "and"): the list goes on
        return t.length() - w <= 1;
    }

    /** Normalised reasons, e.g. ["1.4(b)", "1.4(d)"]; empty when none can be read. */
    static List<String> read(String s) {
        if (s == null) {
            return List.of();
        }
        Matcher sec = SECTION_NO.matcher(s);
        if (!sec.find()) {
            return List.of();
        }
        String section = sec.group(1) + "." + sec.group(2);
        String rest = s.substring(sec.end());
        // stop at the first real word (three letters or more, other than "and") or a paragraph glued after it
        int stop = rest.length();
        Matcher word = WORD3.matcher(rest);
        while (word.find()) {
            if (!word.group().equalsIgnoreCase("and")) {
                stop = word.start();
                break;
            }
        }
        Matcher para = NEXT_PARAGRAPH.matcher(rest).region(0, stop);
        if (para.find()) {
            stop = para.start();
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
        return out;
    }
}
