package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    /** Words a reason keyword may be broken into across a line end: "for re" / "ason", "FO" / "R". */
    private static final Set<String> REASON_WORDS = Set.of("for", "reason", "reasons", "per", "under", "and",
            "classified");
    /** Lower-case words after a line end that begin a new word, never the rest of a broken one. */
    private static final Set<String> STARTERS = Set.of("for", "per", "and", "under", "based", "derived", "due",
            "reason", "reasons", "by", "of", "on", "in", "the", "to", "with", "a", "an", "de", "da", "van", "von",
            "del", "der", "di", "du", "la", "le", "al", "el", "bin", "ibn", "y", "e", "i", "d", "as", "at", "is",
            "pursuant", "section", "sec", "via", "from", "who", "which", "or");

    /** The longest text read for the classifiers; bounds the work on a text glued after an element. */
    private static final int MAX_NAMES = 400;
    /** The longest text read after one keyword. */
    private static final int MAX_BLOCK = 1200;

    /** Reads the element's text, starting at (or before) its "Classified By" keyword, wrapped lines included. */
    static Read read(String cab) {
        List<ClassifiedBy> who = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (String block : blocks(cab)) {
            // an element is a few hundred characters; in a flattened text the body runs on after it
            String text = mend(block.length() > MAX_BLOCK ? block.substring(0, MAX_BLOCK) : block);
            int r = ClassificationReasons.start(text, 0);
            String names = text;
            if (r >= 0) {
                names = text.substring(0, r);
                reasons.addAll(ClassificationReasons.read(text.substring(r)));
            }
            if (names.length() > MAX_NAMES) {
                // no classifier runs this long: text glued after an element without a reason
                names = names.substring(0, MAX_NAMES);
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
        Matcher kw = keyword(s);
        int from = findKeyword(kw, s, 0) ? kw.end() : 0;
        int r = ClassificationReasons.start(s, from);
        if (r < 0) {
            // the name or the reason is still to come: a line with the reason, a lower-case wrap ("for reasons"),
            // or a short line after an unfinished one ("Office, DOS."); never a sentence after a finished one
            if (cab.length() >= 200) {
                return false;
            }
            String t = s.stripTrailing();
            int c0 = 0;
            while (c0 < line.length() && Character.isWhitespace(line.charAt(c0))) {
                c0++;
            }
            boolean finished = t.endsWith(".") && !keepsStop(t);
            return ClassificationReasons.start(line, 0) >= 0
                    || c0 < line.length() && Character.isLowerCase(line.charAt(c0))
                    || !finished && line.strip().length() <= 60;
        }
        return ClassificationReasons.continuedBy(s.substring(r), line);
    }

    /** True when the element's text holds a complete reason (section and categories), or is too long to be one. */
    static boolean hasReason(CharSequence cab) {
        if (cab.length() > 300) {
            return true;
        }
        String s = cab.toString();
        Matcher kw = keyword(s);
        int r = ClassificationReasons.start(s, findKeyword(kw, s, 0) ? kw.end() : 0);
        return r >= 0 && ClassificationReasons.complete(s.substring(r));
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
            // junk words begin with b, d or m in any case; class words with a capital of TSCUNP
            boolean junk = c == 'b' || c == 'B' || c == 'd' || c == 'D' || c == 'm' || c == 'M';
            boolean classWord = c == 'T' || c == 'S' || c == 'C' || c == 'U' || c == 'N' || c == 'P';
            if (junk || classWord) {
                String w = s.substring(i, e);
                if (junk && JUNK_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                    return i;
                }
                if (classWord && CLASS_WORDS.contains(w)
                        && (!w.equals("PAGE") || e + 1 < n && Character.isDigit(s.charAt(e + 1)))
                        && (!w.equals("TOP") || s.startsWith(" SECRET", e))) {
                    return i;
                }
            }
            i = e - 1;
        }
        return -1;
    }

    /** A {@link #KEYWORD} matcher over {@code s} whose look-behind sees the text before a region. */
    private static Matcher keyword(String s) {
        return KEYWORD.matcher(s).useTransparentBounds(true);
    }

    /**
     * {@code m.find()} from {@code from}, tried only where the keyword can begin ("(U", "cl", in any case): the same
     * leftmost match, without running the pattern at every character. {@code m} comes from {@link #keyword}.
     */
    private static boolean findKeyword(Matcher m, String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (i + 1 < n && ((c == 'c' || c == 'C') && (s.charAt(i + 1) | 0x20) == 'l'
                    || c == '(' && (s.charAt(i + 1) | 0x20) == 'u') && m.region(i, n).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** The texts after each keyword; the text before the first keyword is dropped (it is not the element). */
    private static List<String> blocks(String cab) {
        List<String> out = new ArrayList<>();
        Matcher m = keyword(cab);
        int prev = -1;
        while (findKeyword(m, cab, Math.max(prev, 0))) {
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

}
