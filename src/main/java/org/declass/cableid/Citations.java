package org.declass.cableid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the cables a piece of text cites, the way cables cite each other: an optional year, the origin and the
 * serial ("09 STATE 1234", "2005 LISBON 123", "DOHA 152 (08)", "05RIO123", "(08) SAO PAULO 542"), and further
 * serials of the same origin ("STATE 123 AND 456", "STATE 123, 456"). The origin must be a
 * {@linkplain Origins#isKnown known} one, so "IIR 6 854 0025 07", "OCTOBER 12", "DATED 10.01.2009",
 * "TD-314/65216-07" or "NEW DELHI 420Q" cite nothing. Case does not matter. Stateless, thread-safe, pure Java.
 */
public final class Citations {

    private Citations() {
    }

    /**
     * One cited cable.
     *
     * @param start        where the citation starts in the text (its year when written before the origin)
     * @param end          where it ends (after the serial, or after a year written behind it)
     * @param id           the canonical id
     * @param sharesOrigin true for a further serial of the citation before it ("AND 456"), which names no origin
     */
    public record Citation(int start, int end, String id, boolean sharesOrigin) {
    }

    private static final int WORD = 0;
    private static final int NUM = 1;
    private static final int PUNCT = 2;
    /**
     * The most words an origin is written with ("USUN NEW YORK", "RIO DE JANEIRO"); the longest run of words before
     * the serial that names a known origin wins, so "EMBASSY VIENNA" cites VIENNA and "UNVIE VIENNA" UNVIEVIENNA.
     */
    private static final int MAX_ORIGIN_WORDS = 4;

    /** A token: [start, end) of the text, its kind, and whether white space separates it from the one before. */
    private record Tok(int start, int end, int kind, boolean spaced) {
    }

    /**
     * The cables cited in the text, in order.
     *
     * @param defaultYear the year for citations without one (the citing cable's year, two or four digits), or
     *                    null: such citations are then left out
     */
    public static List<Citation> find(CharSequence text, Integer defaultYear) {
        List<Tok> toks = tokens(text);
        int n = toks.size();
        // 1. cores: origin words followed by a serial
        List<int[]> cores = new ArrayList<>(); // {firstOriginTok, serialTok}
        String[] origins = new String[n];
        for (int j = 1; j < n; j++) {
            Tok t = toks.get(j);
            if (t.kind != NUM || t.end - t.start > 7 || toks.get(j - 1).kind != WORD || !serialEnds(text, toks, j)) {
                continue;
            }
            int first = j - 1;
            while (first > 0 && j - first < MAX_ORIGIN_WORDS && toks.get(first - 1).kind == WORD
                    && toks.get(first).spaced) {
                first--;
            }
            for (int k = first; k < j; k++) {
                String o = Origins.known(letters(text, toks.get(k).start, toks.get(j - 1).end));
                if (o != null) {
                    cores.add(new int[] {k, j});
                    origins[j] = o;
                    break;
                }
            }
        }
        // 2. years before the origin ("09 STATE", "2005 LISBON", "10SHENYANG", "(08) SAO PAULO")
        boolean[] used = new boolean[n];
        for (int[] c : cores) {
            used[c[1]] = true;
        }
        int[] yearOf = new int[n];
        int[] startTok = new int[n];
        Arrays.fill(yearOf, -1);
        for (int[] c : cores) {
            int b = c[0] - 1;
            startTok[c[1]] = c[0];
            if (b >= 0 && toks.get(b).kind == NUM && !used[b] && year(text, toks.get(b)) >= 0
                    && (b == 0 || toks.get(b).spaced || toks.get(b - 1).kind != PUNCT)) {
                yearOf[c[1]] = year(text, toks.get(b));
                used[b] = true;
                startTok[c[1]] = b;
            } else if (b >= 2 && isChar(text, toks.get(b), ')') && toks.get(b - 1).kind == NUM
                    && isChar(text, toks.get(b - 2), '(') && !used[b - 1] && year(text, toks.get(b - 1)) >= 0) {
                yearOf[c[1]] = year(text, toks.get(b - 1));
                used[b - 1] = true;
                startTok[c[1]] = b - 2;
            }
        }
        // 3. years after the serial ("DOHA 152 (08)"), unless they already begin the next citation
        int[] endTok = new int[n];
        for (int[] c : cores) {
            int s = c[1];
            endTok[s] = s;
            if (s + 3 < n && isChar(text, toks.get(s + 1), '(') && toks.get(s + 2).kind == NUM
                    && isChar(text, toks.get(s + 3), ')') && !used[s + 2] && year(text, toks.get(s + 2)) >= 0) {
                used[s + 2] = true;
                if (yearOf[s] < 0) {
                    yearOf[s] = year(text, toks.get(s + 2));
                }
                endTok[s] = s + 3;
            }
        }
        // 4. ids, with further serials of the same origin ("AND 456", ", 456")
        List<Citation> out = new ArrayList<>();
        int dflt = defaultYear == null ? -1 : Math.floorMod(defaultYear, 100);
        for (int[] c : cores) {
            int s = c[1];
            int y = yearOf[s] >= 0 ? yearOf[s] : dflt;
            String serial = serial(text, toks.get(s));
            if (y >= 0 && serial != null) {
                out.add(new Citation(toks.get(startTok[s]).start, toks.get(endTok[s]).end,
                        CableIds.of(y, origins[s], serial), false));
            }
            int k = endTok[s] + 1;
            while (k + 1 < n && isConnector(text, toks.get(k)) && toks.get(k + 1).kind == NUM && !used[k + 1]
                    && toks.get(k + 1).end - toks.get(k + 1).start <= 7 && serialEnds(text, toks, k + 1)) {
                String more = serial(text, toks.get(k + 1));
                used[k + 1] = true;
                if (y >= 0 && more != null) {
                    out.add(new Citation(toks.get(k + 1).start, toks.get(k + 1).end,
                            CableIds.of(y, origins[s], more), true));
                }
                k += 2;
            }
        }
        out.sort(Comparator.comparingInt(Citation::start));
        return out;
    }

    /** The serial without leading zeros, or null for an all-zero number. */
    private static String serial(CharSequence text, Tok t) {
        String s = CableIds.stripZeros(text.subSequence(t.start, t.end).toString());
        return s.equals("0") ? null : s;
    }

    /** True when the number at j can end a citation: not glued to a letter, a slash, or a further number. */
    private static boolean serialEnds(CharSequence text, List<Tok> toks, int j) {
        if (j + 1 >= toks.size()) {
            return true;
        }
        Tok next = toks.get(j + 1);
        if (next.spaced) {
            return true;
        }
        if (next.kind == WORD) {
            return false;
        }
        char c = text.charAt(next.start);
        if (c == '/') {
            return false;
        }
        // "0011-06", "10.01.2009", "3,456"
        return !((c == '-' || c == '.' || c == ',') && j + 2 < toks.size() && toks.get(j + 2).kind == NUM
                && !toks.get(j + 2).spaced);
    }

    /** Two-digit year of a 2- or 4-digit number (1940..2039 for four digits), or -1. */
    private static int year(CharSequence text, Tok t) {
        int len = t.end - t.start;
        if (len != 2 && len != 4) {
            return -1;
        }
        int v = 0;
        for (int i = t.start; i < t.end; i++) {
            v = v * 10 + text.charAt(i) - '0';
        }
        if (len == 4) {
            return v >= 1940 && v <= 2039 ? v % 100 : -1;
        }
        return v;
    }

    private static boolean isConnector(CharSequence text, Tok t) {
        if (t.kind == PUNCT) {
            char c = text.charAt(t.start);
            return c == ',' || c == '&';
        }
        return t.kind == WORD && t.end - t.start == 3 && upper(text.charAt(t.start)) == 'A'
                && upper(text.charAt(t.start + 1)) == 'N' && upper(text.charAt(t.start + 2)) == 'D';
    }

    private static boolean isChar(CharSequence text, Tok t, char c) {
        return t.kind == PUNCT && text.charAt(t.start) == c;
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    /** The letters of [s, e) in upper case (spaces, hyphens and apostrophes inside an origin dropped). */
    private static String letters(CharSequence text, int s, int e) {
        StringBuilder sb = new StringBuilder(e - s);
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (isLetter(c)) {
                sb.append(upper(c));
            }
        }
        return sb.toString();
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Words (letters, with inner hyphens or apostrophes: "PORT-AU-PRINCE"), numbers and single punctuation. */
    private static List<Tok> tokens(CharSequence text) {
        List<Tok> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        boolean spaced = true;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                spaced = true;
                i++;
                continue;
            }
            int s = i;
            int kind;
            if (isLetter(c)) {
                kind = WORD;
                i++;
                while (i < n && (isLetter(text.charAt(i)) || (text.charAt(i) == '-' || text.charAt(i) == '\'')
                        && i + 1 < n && isLetter(text.charAt(i + 1)))) {
                    i++;
                }
            } else if (isDigit(c)) {
                kind = NUM;
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                kind = PUNCT;
                i++;
            }
            out.add(new Tok(s, i, kind, spaced));
            spaced = false;
        }
        return out;
    }
}
