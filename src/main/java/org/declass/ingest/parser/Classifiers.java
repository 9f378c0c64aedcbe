package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CLASSIFIED BY element: who classified the cable (one or more people) and the reasons.
 * <p>
 * The element's text is split at each "Classified By" keyword (a second line is a second classifier), words broken
 * across a line end are mended ("for re" / "ason"), page furniture is dropped, and the text before the reason is
 * read as one or more classifiers ("A and B", "A; B") by {@link ClassifierNames}. Junk after the name ("based on",
 * "E.O. 12958", a page's class word) is cut off; a derivative statement ("Derived from Multiple Sources") names no
 * one.
 */
final class Classifiers {

    private Classifiers() {
    }

    /**
     * What the element says.
     *
     * @param who     the classifiers in order; empty when none is named
     * @param reasons normalised reasons, e.g. ["1.4(b)", "1.4(d)"]
     */
    record Read(List<ClassifiedBy> who, List<String> reasons) {
    }

    /** The keyword, also misspelt: Classified By, Classfied By, Classiied by, CLASSIFIED BY:. */
    private static final Pattern KEYWORD = Pattern.compile(
            "(?i)(?<![A-Za-z])(?:\\(U\\)\\s*)?clas{1,2}i{0,2}f?i{0,2}e?d\\s+by(?![A-Za-z])\\s*:?");
    /** A section number at a digit: "1.4", "1 .4", "1,4", "14 (b)". */
    private static final Pattern SECTION_AT = Pattern.compile(
            "1\\s?[.,]\\s?[2-6](?!\\d)|1[2-6](?=\\s*\\(\\s*[a-hA-H]\\s*\\))");
    /** The order at an "E": "E.O. 12958", "EO 13526". */
    private static final Pattern ORDER_AT = Pattern.compile("[Ee]\\.?\\s?[Oo]\\.?\\s*1[23]\\d{3}(?!\\d)");
    /** Words that begin a reason: "reasons", misspelt "reaons", "rationale". */
    private static final Set<String> REASON_KEYWORDS = Set.of("reason", "reasons", "reaons", "resons", "rationale");
    private static final Pattern SECTION_NO = Pattern.compile("(1)\\s*[.,]?\\s*([2-6])(?!\\d)");
    private static final Pattern WORD3 = Pattern.compile("[A-Za-z]{3,}");
    private static final Pattern CAT = Pattern.compile(
            "\\(\\s*([a-hA-H])\\s*\\)|(?<![A-Za-z])([a-hA-H])(?![A-Za-z])");
    /** A paragraph glued after the reason in a flattened text: "1. (C) Summary", "¶2.". */
    private static final Pattern NEXT_PARAGRAPH = Pattern.compile("¶|(?<![\\d.])\\d{1,3}\\s?\\.\\s*\\(");
    /** Page furniture on a line of its own: a class line, a page header, a page marker. */
    private static final Pattern FURNITURE = Pattern.compile(
            "\\s*(?:(?:(?:TOP\\s+)?SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED\\s+OFFICIAL\\s+USE"
                    + "|C\\s?O\\s?N\\s?F\\s?I\\s?D\\s?E\\s?N\\s?T\\s?I\\s?A\\s?L|S\\s?E\\s?C\\s?R\\s?E\\s?T)"
                    + "(?:\\s*/{1,2}\\s*[A-Z][A-Z/ ]*)?(?:\\s+SECTION\\s+\\d+\\s+OF\\s+\\d+.*)?"
                    + "|PAGE\\s+\\d+\\b.*|[A-Z][A-Z ]{1,30}\\s+\\d{5,}\\s+\\d{3}(?:\\.\\d)?\\s+OF\\s+\\d{3}"
                    + "|SECTION\\s+\\d+\\s+OF\\s+\\d+.*)\\s*");
    /** Words that begin junk after the name, lower case: "based on", "derived from", "declassify on". */
    private static final Set<String> JUNK_WORDS = Set.of("based", "derived", "derivative", "multiple", "declassify",
            "decl");
    /** Page furniture words written in capitals after the name. */
    private static final Set<String> CLASS_WORDS = Set.of("TOP", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "UNCLAS",
            "SIPDIS", "NOFORN", "PAGE");
    private static final Pattern AND = Pattern.compile("(?i)\\s+(?:and|&)\\s+");
    /** A line holding nothing but a reason list: "1.4(C).", "1.4 (b), (c), and (d)." */
    private static final Pattern REASON_LIST = Pattern.compile(
            "(?i)\\s*\\(?\\s*1\\s*[.,]\\s*[2-6]\\s*(?:[(\\[]?\\s*[a-h]\\s*[)\\]]?\\s*(?:,|and|&|/|\\+|\\s)*)*\\)?\\s*\\.?\\s*");
    private static final Pattern STARTS_REASON = Pattern.compile(
            "(?i)\\s*(?:\\(?\\s*1\\s*[.,]\\s*[2-6](?!\\d)|reasons?(?![A-Za-z]))");
    /** The start of a line that continues a reason list whose categories are missing or cut. */
    private static final Pattern REASON_CONTINUES = Pattern.compile(
            "(?i)\\s*(?:[(\\[&,/+.)]|\\d|a?nd?(?![A-Za-z])|[a-h](?![A-Za-z]))");
    /** Words a reason keyword may be broken into across a line end: "for re" / "ason", "FO" / "R". */
    private static final Set<String> REASON_WORDS = Set.of("for", "reason", "reasons", "per", "under", "and",
            "classified", "reasons:", "reason:");
    /** Lower-case words after a line end that begin a new word, never the rest of a broken one. */
    private static final Set<String> STARTERS = Set.of("for", "per", "and", "under", "based", "derived", "due",
            "reason", "reasons", "by", "of", "on", "in", "the", "to", "with", "a", "an", "de", "da", "van", "von", "del",
            "der", "di", "du", "la", "le", "al", "el", "bin", "ibn", "y", "e", "i", "d", "as", "at", "is", "pursuant",
            "section", "sec", "via", "from", "who", "which", "or");

    /** Reads the element's text, starting at (or before) its "Classified By" keyword, wrapped lines included. */
    static Read read(String cab) {
        List<ClassifiedBy> who = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (String block : blocks(cab)) {
            String text = mend(block);
            int r = reasonStart(text, 0);
            String names = text;
            if (r >= 0) {
                names = text.substring(0, r);
                reasons.addAll(readReasons(text.substring(r)));
            }
            for (String entry : entries(cutJunk(names))) {
                ClassifiedBy by = ClassifierNames.read(entry);
                if (by != null && !who.contains(by)) {
                    who.add(by);
                }
            }
        }
        return new Read(List.copyOf(who), List.copyOf(reasons));
    }

    /**
     * True when {@code line}, the next line after the element's text so far, continues it: the reason is still to
     * come, or its list of categories is cut ("1.4 (b) and" / "(d)."). Never once the list is complete.
     */
    static boolean continues(CharSequence cab, String line) {
        if (cab.length() > 300 || line.isBlank()) {
            return false;
        }
        String s = cab.toString();
        Matcher kw = KEYWORD.matcher(s);
        int from = kw.find() ? kw.end() : 0;
        int r = reasonStart(s, from);
        if (r < 0) {
            // the name or the reason keyword is still to come
            return cab.length() < 200;
        }
        String reason = s.substring(r);
        Matcher sec = SECTION_NO.matcher(reason);
        if (!sec.find()) {
            // "for reasons" / "Reasons:" at the line end: the list is on the next line
            return STARTS_REASON.matcher(line).lookingAt() || REASON_CONTINUES.matcher(line).lookingAt()
                    || line.trim().toUpperCase(Locale.ROOT).startsWith("E.O");
        }
        return !complete(reason.substring(sec.end())) && REASON_CONTINUES.matcher(line).lookingAt();
    }

    /** True when the element's text holds a complete reason (section and categories), or is too long to be one. */
    static boolean hasReason(CharSequence cab) {
        if (cab.length() > 300) {
            return true;
        }
        String s = cab.toString();
        Matcher kw = KEYWORD.matcher(s);
        int r = reasonStart(s, kw.find() ? kw.end() : 0);
        if (r < 0) {
            return false;
        }
        Matcher sec = SECTION_NO.matcher(s).region(r, s.length());
        return sec.find() && complete(s.substring(sec.end()));
    }

    /**
     * Where the reason begins in {@code s} at or after {@code from}, or -1: its keyword ("reasons"), a section number
     * ("1.4", "14 (b)"), "section 1.", or the order ("E.O. 12958"); a "for", "under", "per" or "due to" before it is
     * part of it. A scan with character checks first: it runs on every element.
     */
    static int reasonStart(String s, int from) {
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
                String w = s.substring(i, e).toLowerCase(Locale.ROOT);
                if (REASON_KEYWORDS.contains(w)) {
                    at = i;
                } else if (w.equals("section")) {
                    int d = skipSpaces(s, e);
                    if (d < n && s.charAt(d) == '1' && SECTION_AT.matcher(s).region(d, n).lookingAt()) {
                        at = i;
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

    /**
     * Where junk after the name begins, or -1: "based on", "derived from", "declassify", a page's class word or
     * page header in capitals, a number of three digits or more (a page or serial number), a paragraph sign.
     */
    private static int junkStart(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            if (c == '¶') {
                return i;
            }
            if (Character.isDigit(c) && !Character.isLetterOrDigit(before) && before != '.') {
                int e = i;
                while (e < n && Character.isDigit(s.charAt(e))) {
                    e++;
                }
                if (e - i >= 3 && (e == n || !Character.isLetterOrDigit(s.charAt(e)))) {
                    return i;
                }
                i = e - 1;
                continue;
            }
            if (!Character.isLetter(c) || Character.isLetter(before)) {
                continue;
            }
            int e = i;
            while (e < n && Character.isLetter(s.charAt(e))) {
                e++;
            }
            String w = s.substring(i, e);
            if (JUNK_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                return i;
            }
            if (CLASS_WORDS.contains(w) && (!w.equals("PAGE") || e + 1 < n && Character.isDigit(s.charAt(e + 1)))
                    && (!w.equals("TOP") || s.startsWith(" SECRET", e))) {
                return i;
            }
            i = e - 1;
        }
        return -1;
    }

    /** True when {@code line} begins like the wrapped reason of an element: "1.4 (b) and (d).", "Reasons: ...". */
    static boolean startsReason(String line) {
        return STARTS_REASON.matcher(line).lookingAt();
    }

    /** True when {@code line} is nothing but a reason list ("1.4(C).") wrapped off its element. */
    static boolean isReasonList(String line) {
        return REASON_LIST.matcher(line).matches();
    }

    /** True when the categories after a section number are complete: no open bracket, no dangling "and" or ",". */
    private static boolean complete(String afterSection) {
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

    /** The texts after each keyword; the text before the first keyword is dropped (it is not the element). */
    private static List<String> blocks(String cab) {
        List<String> out = new ArrayList<>();
        Matcher m = KEYWORD.matcher(cab);
        int prev = -1;
        while (m.find()) {
            if (prev >= 0) {
                out.add(cab.substring(prev, m.start()));
            }
            prev = m.end();
        }
        out.add(prev >= 0 ? cab.substring(prev) : cab);
        return out;
    }

    /**
     * Joins the lines of a block with single spaces, without page furniture lines, and mends a word broken across a
     * line end: a reason word ("for re" / "ason", "FO" / "R") or, on a long wrapped line, a name ("Andrew Y" /
     * "oung").
     */
    static String mend(String block) {
        if (block.indexOf('\n') < 0) {
            return block;
        }
        String[] lines = block.split("\n", -1);
        StringBuilder sb = new StringBuilder(block.length());
        int lineStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0 && FURNITURE.matcher(line).matches()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(line);
                continue;
            }
            int end = sb.length();
            while (end > 0 && Character.isWhitespace(sb.charAt(end - 1))) {
                end--;
            }
            int ls = 0;
            while (ls < line.length() && Character.isWhitespace(line.charAt(ls))) {
                ls++;
            }
            int lw = end;
            while (lw > 0 && Character.isLetter(sb.charAt(lw - 1))) {
                lw--;
            }
            int rw = ls;
            while (rw < line.length() && Character.isLetter(line.charAt(rw))) {
                rw++;
            }
            String left = sb.substring(lw, end);
            String right = line.substring(ls, rw);
            boolean wordStart = lw == 0 || Character.isWhitespace(sb.charAt(lw - 1));
            boolean wordEnd = rw == line.length() || !Character.isLetterOrDigit(line.charAt(rw));
            boolean join = false;
            if (end > 0 && sb.charAt(end - 1) == '-' && end >= 2 && Character.isLetter(sb.charAt(end - 2))
                    && !right.isEmpty()) {
                // "Thompson-" / "Jones"
                join = true;
            } else if (!left.isEmpty() && !right.isEmpty() && wordStart && wordEnd) {
                String l = left.toLowerCase(Locale.ROOT);
                String r = right.toLowerCase(Locale.ROOT);
                String both = l + r;
                if (REASON_WORDS.contains(both) && !(REASON_WORDS.contains(l) && REASON_WORDS.contains(r))) {
                    join = true;
                } else if (Character.isUpperCase(left.charAt(0)) && Character.isLowerCase(right.charAt(0))
                        && !STARTERS.contains(r) && end - lineStart >= 45 && !ClassifierNames.isTitle(left)) {
                    // a name wrapped mid-word on a full line: "Andrew Y" / "oung"
                    join = true;
                }
            }
            sb.setLength(end);
            if (!join) {
                sb.append(' ');
            }
            lineStart = sb.length();
            sb.append(line, ls, line.length());
        }
        return sb.toString();
    }

    /** The classifier text without the junk after the name and without trailing punctuation and connectors. */
    private static String cutJunk(String names) {
        String s = names;
        int j = junkStart(s);
        if (j >= 0) {
            s = s.substring(0, j);
        }
        s = HeaderFields.collapse(s);
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            char c = s.charAt(s.length() - 1);
            if (",;:-–(".indexOf(c) >= 0 || c == '.' && !keepsStop(s)) {
                s = s.substring(0, s.length() - 1).trim();
                changed = true;
                continue;
            }
            int sp = s.lastIndexOf(' ');
            String last = s.substring(sp + 1).toLowerCase(Locale.ROOT);
            if (last.equals("for") || last.equals("under") || last.equals("per") || last.equals("by")
                    || last.equals("and") || last.equals("&") || last.equals("due") || last.equals("to")
                    || last.equals("with") || last.equals("e.o.") || last.equals("e.o") || last.equals("eo")) {
                s = sp < 0 ? "" : s.substring(0, sp).trim();
                changed = true;
            }
        }
        while (!s.isEmpty() && ":;,.-".indexOf(s.charAt(0)) >= 0) {
            s = s.substring(1).trim();
        }
        return s;
    }

    /** True when the full stop ending {@code s} belongs to its last word: an initial, "Jr.", "a.i.", "Amb.". */
    private static boolean keepsStop(String s) {
        int sp = s.lastIndexOf(' ');
        String w = s.substring(sp + 1, s.length() - 1);
        if (w.length() == 1 && Character.isUpperCase(w.charAt(0)) || w.indexOf('.') >= 0) {
            return true;
        }
        String u = w.toUpperCase(Locale.ROOT);
        return u.equals("JR") || u.equals("SR") || u.equals("AMB") || u.equals("DEPT") || u.equals("ASST")
                || u.equals("DIR") || u.equals("ST");
    }

    /** The classifiers of a text: "A and B", "A; B" are two when each names a person. */
    private static List<String> entries(String names) {
        List<String> out = new ArrayList<>();
        if (names.isEmpty()) {
            return out;
        }
        for (String seg : names.split(";")) {
            String s = seg.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && !(ClassifierNames.namesPerson(s)
                    && ClassifierNames.namesPerson(out.get(out.size() - 1)))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + ", " + s);
                continue;
            }
            splitAnd(s, out);
        }
        return out;
    }

    private static void splitAnd(String s, List<String> out) {
        Matcher m = AND.matcher(s);
        while (m.find()) {
            String left = s.substring(0, m.start()).trim();
            String right = s.substring(m.end()).trim();
            if (ClassifierNames.namesPerson(left) && ClassifierNames.namesPerson(right)) {
                out.add(left);
                splitAnd(right, out);
                return;
            }
        }
        out.add(s);
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
