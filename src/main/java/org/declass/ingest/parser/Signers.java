package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the signature block at the end of a cable: the signer's name on its own line ("HALVORSEN", "Lindqvist",
 * "Okafor jr", "ABERNATHY / KOVACS"), a "FOR THE AMBASSADOR" line beside it, and a name glued to the end of the last
 * line of the body ("... End comment. OKAFOR", "... index. cfm Halvorsen").
 * <p>
 * A name line is short, has one to four name words (capitalised words, initials, a "Jr."/"III" suffix) and no
 * sentence punctuation; a single lower-case word ("renwick") is a name only when it is the last line. Words that
 * end a body or stand in the trailer (END, COMMENT, BT, NNNN, class words, captions, "Regards") are never names.
 * A redaction ("XXXXXXXXXXXX") in the signer's place is a signature line that names nobody.
 * Pure functions over single lines; {@code CableReader} decides which lines form the trailer.
 */
final class Signers {

    private static final Pattern CAPITALISED = Pattern.compile("[A-Z][A-Za-z'\\-\u2019]{1,30}");
    private static final Pattern INITIAL = Pattern.compile("[A-Z]\\.?");
    private static final Pattern SUFFIX = Pattern.compile("(?i)(?:jr|sr)\\.?|II|III|IV");
    private static final Pattern LOWER_NAME = Pattern.compile("[a-z][a-z'\\-]{3,20}");
    /** How many characters at the end of a body line are read for a glued name. */
    private static final int TAIL = 160;
    private static final Pattern WS = Pattern.compile("\\s+");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s+/\\s+|\\s*;\\s*");
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]+");
    private static final Pattern REDACTION = Pattern.compile("[Xx]{4,}");
    private static final Pattern FOR_THE = Pattern.compile("(?i)(?:for|acting\\s+for)\\s+the\\s+(?:ambassador|secretary"
            + "|charge(?:\\s+d'affaires)?|chief\\s+of\\s+mission|consul\\s+general|principal\\s+officer"
            + "|deputy\\s+chief\\s+of\\s+mission|mission|embassy)\\s*:?");
    /** Words that are never a signer's name, upper-cased. */
    private static final Set<String> NOT_NAMES = Set.of("END", "BEGIN", "COMMENT", "COMMENTS", "SUMMARY", "TEXT",
            "NOTE", "BT", "NNNN", "REGARDS", "THANKS", "BEST", "SINCERELY", "CHEERS", "CLASSIFIED", "UNCLASSIFIED",
            "UNCLAS", "CONFIDENTIAL", "SECRET", "TOP", "LIMITED", "OFFICIAL", "USE", "SENSITIVE", "SBU", "NOFORN",
            "SIPDIS", "EXDIS", "NODIS", "LIMDIS", "PAGE", "SECTION", "MINIMIZE", "CONSIDERED", "ACTION", "REQUEST",
            "BACKGROUND", "CONCLUSION", "DECL", "TAGS", "SUBJECT", "REF", "THE", "OF", "AND", "TO", "IN", "FOR", "ON",
            "AT", "BY", "WITH", "AN", "IS", "ARE", "WAS", "WE", "IT", "THIS", "THAT", "FROM", "AS", "OR", "NOT",
            "BE", "HE", "SHE", "THEY", "ALL", "POST", "EMBASSY", "DEPARTMENT", "STATE", "WEBSITE", "SITE", "WEB",
            "FORUM", "BLOG", "PORTAL");

    private Signers() {
    }

    /**
     * The names on a line that stands alone in the signature block, in order; empty when the line is no name line
     * (see {@link #isNameLine}). "DELACROIX DELACROIX" and "MARLOWE Marlowe" (the name written twice) give one name.
     */
    static List<String> names(String line, boolean lastLine) {
        String c = clean(line);
        if (c == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        for (String part : NAME_SEPARATOR.split(c, -1)) {
            String name = name(part.strip(), lastLine);
            if (name == null) {
                return List.of();
            }
            out.add(name);
        }
        return out;
    }

    /** True for a line that is the signature: a name line or a redacted name. */
    static boolean isNameLine(String line, boolean lastLine) {
        String c = clean(line);
        return c != null && (REDACTION.matcher(c).matches() || !names(line, lastLine).isEmpty());
    }

    /** "FOR THE AMBASSADOR", "for the Secretary:": part of the signature block when beside a name line. */
    static boolean isForLine(String line) {
        String c = line.strip();
        return c.length() <= 50 && FOR_THE.matcher(c).matches();
    }

    /** A pointer to the post's classified website: "Visit Embassy X's Classified Website at:" or its address. */
    static boolean isSiteLine(String line) {
        String c = line.strip();
        return startsIgnoreCase(c, "visit ") || startsIgnoreCase(c, "please visit ") || startsIgnoreCase(c, "http")
                || startsIgnoreCase(c, "(http") || startsIgnoreCase(c, "www.") || c.contains("sgov.gov")
                || c.contains("intelink.");
    }

    private static boolean startsIgnoreCase(String c, String prefix) {
        return c.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /**
     * A signer's name glued to the end of the last body line: after a sentence end ("... this message. HALVORSEN",
     * "... End comment. OKAFOR", "... END COMMENT MARLOWE", "... End of Part One VAN DOREN", "... restructuring.
     * .TREMAINE", a redaction may stand between) or after a website address ("... index. cfm Halvorsen"). Null when
     * the line does not end so. Only the last words of a long line are read.
     */
    static String glued(String line) {
        String stripped = tail(line).strip();
        if (!endsInCapitalised(stripped)) {
            return null;
        }
        String[] t = WS.split(stripped);
        int n = t.length;
        if (n < 2) {
            return null;
        }
        String last = t[n - 1].startsWith(".") ? t[n - 1].substring(1) : t[n - 1];
        if (CAPITALISED.matcher(last).matches() && notWord(last) && addressBefore(t)) {
            return last;
        }
        boolean caps = isUpper(last);
        if (!notWord(last) || !(caps ? last.length() >= 2 && CAPITALISED.matcher(last).matches()
                : last.length() >= 3 && CAPITALISED.matcher(last).matches() && hasLower(last))) {
            return null;
        }
        int i = n - 2;
        String name = last;
        if (caps && i >= 1 && isUpper(t[i]) && CAPITALISED.matcher(t[i]).matches() && notWord(t[i])
                && boundary(t, i - 1)) {
            // a two-word name in capitals: "... said. VAN DOREN"
            name = t[i] + " " + last;
            i--;
        }
        while (i >= 1 && REDACTION.matcher(t[i]).matches()) {
            i--;
        }
        return boundary(t, i) ? name : null;
    }

    /**
     * A cheap look before {@link #glued}: the line has two words or more, and its last word (without a leading full
     * stop) is {@link #CAPITALISED}, as every glued name is.
     */
    private static boolean endsInCapitalised(String s) {
        int b = s.length();
        while (b > 0 && !isRegexSpace(s.charAt(b - 1))) {
            b--;
        }
        if (b == 0) {
            return false;
        }
        if (b < s.length() && s.charAt(b) == '.') {
            b++;
        }
        int len = s.length() - b;
        if (len < 2 || len > 31 || s.charAt(b) < 'A' || s.charAt(b) > 'Z') {
            return false;
        }
        for (int i = b + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '\'' || c == '-' || c == '\u2019')) {
                return false;
            }
        }
        return true;
    }

    /** A character of the regex class {@code \\s}: ASCII white space. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /**
     * True when word k ends a sentence or an end marker that opens after a sentence ("... END COMMENT",
     * "... End of Part One"), so that what follows it on the line is no longer the sentence.
     */
    private static boolean boundary(String[] t, int k) {
        if (k < 0) {
            return false;
        }
        if (endsSentence(t[k])) {
            return true;
        }
        for (int j = k; j >= 0 && k - j <= 3; j--) {
            if (!LETTERS.matcher(t[j]).matches()) {
                return false;
            }
            if (t[j].equalsIgnoreCase("END")) {
                return j == 0 || endsSentence(t[j - 1]);
            }
        }
        return false;
    }

    /** The line without surrounding blanks and a detached final full stop ("TREMAINE ."); null when too long. */
    private static String clean(String line) {
        if (line.length() > 80) {
            return null;
        }
        String c = line.strip();
        if (c.endsWith(" .")) {
            c = c.substring(0, c.length() - 2).strip();
        }
        if (c.isEmpty() || c.length() > 40) {
            return null;
        }
        return c;
    }

    private static String name(String part, boolean lastLine) {
        if (part.isEmpty()) {
            return null;
        }
        String[] w = WS.split(part);
        if (w.length > 4) {
            return null;
        }
        if (w.length == 1 && lastLine && LOWER_NAME.matcher(w[0]).matches()) {
            return notWord(w[0]) ? w[0] : null;
        }
        if (w.length == 2 && w[0].equalsIgnoreCase(w[1])) {
            return CAPITALISED.matcher(w[0]).matches() && notWord(w[0]) ? w[0] : null;
        }
        int words = 0;
        for (int k = 0; k < w.length; k++) {
            String x = w[k];
            if (k > 0 && SUFFIX.matcher(x).matches()) {
                continue;
            }
            if (CAPITALISED.matcher(x).matches() && notWord(x)) {
                words++;
            } else if (!(INITIAL.matcher(x).matches() && k < w.length - 1)) {
                return null;
            }
        }
        return words == 0 ? null : String.join(" ", w);
    }

    /** The last words of a line, enough for a name and what stands before it. */
    private static String tail(String c) {
        int from = c.length() - TAIL;
        if (from <= 0) {
            return c;
        }
        while (from < c.length() && !Character.isWhitespace(c.charAt(from - 1))) {
            from++;
        }
        return c.substring(from);
    }

    /** True when a web address stands somewhere before the last word. */
    private static boolean addressBefore(String[] t) {
        for (int k = 0; k < t.length - 1; k++) {
            String l = t[k].toLowerCase(Locale.ROOT);
            if (l.contains("http") || l.contains("www.") || l.contains(".gov")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUpper(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** True unless the word is one that never names a signer, or a redaction. */
    private static boolean notWord(String w) {
        return !NOT_NAMES.contains(w.toUpperCase(Locale.ROOT)) && !REDACTION.matcher(w).matches();
    }

    private static boolean isUpper(String w) {
        return !hasLower(w);
    }

    private static boolean hasLower(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLowerCase(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word that ends a sentence: "message.", "(MCA).", "custody.", "said:"; not an abbreviation such as "U.S."
     * or "DR." that may stand before a name inside a sentence.
     */
    private static boolean endsSentence(String w) {
        int e = w.length();
        while (e > 0 && "\"'\u201d\u2019)".indexOf(w.charAt(e - 1)) >= 0) {
            e--;
        }
        if (e == 0) {
            return false;
        }
        char p = w.charAt(e - 1);
        if (p == '!' || p == '?') {
            return true;
        }
        if (p != '.') {
            return false;
        }
        int b = 0;
        while (b < e - 1 && "(\"'\u201c\u2018".indexOf(w.charAt(b)) >= 0) {
            b++;
        }
        String core = w.substring(b, e - 1);
        if (core.isEmpty() || core.indexOf('.') >= 0) {
            return false;
        }
        // "Dr." and "MR." stand before a name; "it.", "message." and "1990." end a sentence
        return core.length() >= 3 || !hasUpper(core);
    }
}
