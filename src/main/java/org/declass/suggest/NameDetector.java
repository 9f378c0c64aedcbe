package org.declass.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal names, with the title written before them. No statistical model: the cables' own conventions are
 * regular enough for rules, and every suggestion is confirmed by a person.
 * <ol>
 * <li>a title, then one to five name words: "Deputy Director Joseph Camilleri-Vella", "Lt. Col. Farrukh Sattarov",
 * "Minister of Foreign Affairs Ali Karimov", "DEPUTY DIRECTOR JOSEPH CAMILLERI-VELLA" (confidence 0.8 to 0.92);</li>
 * <li>a field of a list: "Name: WILLIAM, Roderick Anthony" (0.95);</li>
 * <li>two to four name words followed by a title after a comma ("Karl Ulrich, Secretary General of ...") or by a
 * verb of speech ("Ivan Petrenko told poloff"), or after a word that introduces a person ("a contact named ...",
 * "according to ...") (0.75 to 0.8).</li>
 * </ol>
 * A name word is capitalised (or, in a text written all in capitals, any word that is not a common one), and is not
 * a month, an institution, cable vocabulary or another title. The span ends before a possessive "'s".
 */
public final class NameDetector implements Detector {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}](?:[\\p{L}\\p{M}]|['’\\-](?=\\p{L}))*");

    private static final Pattern FIELD = Pattern.compile("(?m)\\b(?:Name|NAME|Full name|FULL NAME|Names)\\s*:[ \\t]*"
            + "(?<n>[\\p{Lu}][\\p{L}'’-]+(?:[ \\t]+[\\p{Lu}][\\p{L}'’-]+)*(?:,[ \\t]*[\\p{Lu}][\\p{L}'’.-]*"
            + "(?:[ \\t]+[\\p{Lu}][\\p{L}'’.-]*){0,3}|(?:[ \\t]+[\\p{Lu}][\\p{L}'’.-]+){1,3}))");

    /** "al-Rashid", "el-Baradei": a lower-case article joined to a capitalised name. */
    private static final Pattern PREFIXED = Pattern.compile("(?:al|el|ad|as|ash|at|az)[-’']\\p{Lu}\\p{L}+.*");

    /** "met with", "spoke with": the verbs before "with" that introduce a person. */
    private static final java.util.Set<String> TALKED = java.util.Set.of("met", "meeting", "meet", "spoke", "spoken",
            "talked", "speaking", "dinner", "lunch");

    /** Titles written short, after which a full stop does not end the sentence. */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("dr", "mr", "mrs", "ms", "prof", "gen",
            "lt", "col", "maj", "capt", "sgt", "cpl", "adm", "amb", "sen", "rep", "gov", "pres", "cdr", "cmdr", "insp",
            "supt", "brig", "dep", "asst", "ltc", "ltg");

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern COMMA_SPACE = Pattern.compile(",\\s*");
    private static final Pattern COMMA_THEN_SPACE = Pattern.compile(",\\s+");
    private static final Pattern OPTIONAL_COMMA_SPACE = Pattern.compile(",?\\s+");
    private static final Pattern AFTER_TITLE = Pattern.compile("\\.?\\s+");
    private static final Pattern IN_TITLE = Pattern.compile("\\.?\\s+|\\.|\\.?-|/");
    /** "XXXXXXXXXXXX": a name already withheld by whoever published the cable. */
    private static final Pattern WITHHELD = Pattern.compile("[Xx]{3,}");

    private static boolean gap(Pattern p, String text, int from, int to) {
        return p.matcher(text).region(from, to).matches();
    }

    record Tok(String word, String lower, int start, int end) {
    }

    @Override
    public List<Detection> find(String text) {
        List<Tok> toks = tokens(text);
        boolean caps = allCaps(text);
        List<Detection> out = new ArrayList<>();
        Matcher f = FIELD.matcher(text);
        while (f.find()) {
            out.add(Detection.of(Kind.NAME, f.start("n"), trimPossessive(text, f.start("n"), f.end("n")), 0.95,
                    "a name field"));
        }
        int i = 0;
        while (i < toks.size()) {
            int afterTitle = titleEnd(text, toks, i, caps);
            if (afterTitle > i) {
                int nameEnd = nameRun(text, toks, afterTitle, caps, true);
                if (nameEnd > afterTitle) {
                    int count = nameEnd - afterTitle;
                    Tok last = toks.get(nameEnd - 1);
                    double conf = count >= 2 ? 0.92 : honorific(toks.get(afterTitle - 1).lower) ? 0.85 : 0.8;
                    add(out, Detection.of(Kind.NAME, toks.get(i).start, trimPossessive(text, toks.get(i).start,
                            last.end), conf, "a title followed by a name"));
                    i = nameEnd;
                    continue;
                }
            }
            i++;
        }
        // names without a title before them: a title after a comma, a verb of speech, a word introducing a person
        for (int s = 0; s < toks.size(); s++) {
            if (covered(out, toks.get(s).start) || !startsName(text, toks, s, caps)) {
                continue;
            }
            int e = nameRun(text, toks, s, caps, false);
            int count = e - s;
            if (count < 2 || count > 4) {
                continue;
            }
            Tok last = toks.get(e - 1);
            String why = null;
            double conf = 0;
            if (e < toks.size()) {
                Tok next = toks.get(e);
                if (gap(COMMA_SPACE, text, last.end, next.start) && titleAfterComma(text, toks, e, caps)) {
                    why = "a name followed by a title";
                    conf = 0.8;
                } else if (gap(OPTIONAL_COMMA_SPACE, text, last.end, next.start)
                        && NameWords.SPEECH.contains(next.lower)
                        && (caps || next.word.equals(next.lower))) {
                    why = "a name followed by a verb of speech";
                    conf = 0.75;
                }
            }
            if (why == null && s > 0 && introduced(text, toks, s)) {
                why = "a name after words introducing a person";
                conf = 0.75;
            }
            if (why != null) {
                add(out, Detection.of(Kind.NAME, toks.get(s).start, trimPossessive(text, toks.get(s).start,
                        last.end), conf, why));
                s = e - 1;
            }
        }
        signature(text, out);
        out.sort(java.util.Comparator.comparingInt(Detection::start));
        return out;
    }

    /**
     * "a contact named X", "according to X", "U.S. citizen X", "his wife, X", "a longtime contact, X": the words
     * right before a run that introduce a person.
     */
    private static boolean introduced(String text, List<Tok> toks, int s) {
        Tok before = toks.get(s - 1);
        boolean space = gap(SPACE, text, before.end, toks.get(s).start);
        if (space && NameWords.CUES.contains(before.lower)) {
            return true;
        }
        if (space && s > 1 && (before.lower.equals("to") && toks.get(s - 2).lower.equals("according")
                || before.lower.equals("with") && TALKED.contains(toks.get(s - 2).lower))) {
            return true;
        }
        return gap(COMMA_THEN_SPACE, text, before.end, toks.get(s).start)
                && NameWords.APPOSITION_CUES.contains(before.lower);
    }

    /** The signature: the last line of a cable, one or two words in capitals ("MOULDER", "NORLAND-COLE"). */
    private static final Pattern SIGNATURE = Pattern.compile(
            "(?:\\A|\\n)[ \\t]*(?<n>\\p{Lu}[\\p{Lu}'’-]+(?:[ \\t]+\\p{Lu}[\\p{Lu}'’-]+)?)[ \\t]*\\s*\\z");

    private static void signature(String text, List<Detection> out) {
        Matcher m = SIGNATURE.matcher(text);
        if (m.find()) {
            for (String w : m.group("n").toLowerCase(Locale.ROOT).split("[ \\t]+")) {
                if (NameWords.NOT_NAMES.contains(w) || NameWords.COMMON.contains(w) || w.length() < 3) {
                    return;
                }
            }
            add(out, Detection.of(Kind.NAME, m.start("n"), m.end("n"), 0.7, "the signature"));
        }
    }

    static List<Tok> tokens(String text) {
        List<Tok> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String w = m.group();
            int end = m.end();
            // a possessive "'s" is not part of the word: "Lula's" is "Lula", "General's" is "General"
            if (w.length() > 3 && (w.endsWith("'s") || w.endsWith("’s") || w.endsWith("'S") || w.endsWith("’S"))) {
                w = w.substring(0, w.length() - 2);
                end -= 2;
            }
            out.add(new Tok(w, w.toLowerCase(Locale.ROOT), m.start(), end));
        }
        return out;
    }

    /** A text with (almost) no lower-case letters: the older cables' style. */
    static boolean allCaps(String text) {
        int lower = 0;
        int upper = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isLowerCase(c)) {
                lower++;
            } else if (Character.isUpperCase(c)) {
                upper++;
            }
        }
        return upper > 20 && lower * 10 < upper;
    }

    /**
     * The index after a title starting at token i (modifiers, then one or more heads, then perhaps "of" and the
     * words of an office), or i when no title starts there.
     */
    private static int titleEnd(String text, List<Tok> toks, int i, boolean caps) {
        return titleEnd(text, toks, i, caps, false);
    }

    /** @param appositive after "Name, a ...": a lower-case "lawyer" or "chief" is a title there */
    private static int titleEnd(String text, List<Tok> toks, int i, boolean caps, boolean appositive) {
        int j = i;
        int lastHead = -1;
        while (j < toks.size() && j - i < 5) {
            Tok t = toks.get(j);
            String w = t.lower;
            if (!(NameWords.MODIFIERS.contains(w) || NameWords.isHead(w))) {
                break;
            }
            if (j > i && !gap(IN_TITLE, text, toks.get(j - 1).end, t.start)) {
                break;
            }
            if (NameWords.isHead(w)) {
                lastHead = j;
            }
            j++;
        }
        if (lastHead < 0) {
            return i;
        }
        Tok head = toks.get(lastHead);
        if (!caps && !appositive && Character.isLowerCase(head.word.charAt(0))
                && (NameWords.LOWER_CASE_AMBIGUOUS.contains(head.lower) || head.word.length() <= 3)) {
            return i;
        }
        if (!caps && Character.isLowerCase(toks.get(i).word.charAt(0)) && honorific(head.lower)) {
            return i;
        }
        int end = lastHead + 1;
        // "Minister of Foreign Affairs", "Director of the National Security Service"
        if (end < toks.size() && toks.get(end).lower.equals("of")) {
            int k = end + 1;
            while (k < toks.size() && NameWords.OFFICE_WORDS.contains(toks.get(k).lower) && k - end <= 5) {
                k++;
            }
            if (k > end + 1 && !toks.get(k - 1).lower.equals("the") && !toks.get(k - 1).lower.equals("and")) {
                end = k;
            }
        }
        return end;
    }

    private static boolean titleAfterComma(String text, List<Tok> toks, int j, boolean caps) {
        int k = j;
        if (k < toks.size() && (toks.get(k).lower.equals("the") || toks.get(k).lower.equals("a")
                || toks.get(k).lower.equals("an"))) {
            k++;
        }
        if (k >= toks.size()) {
            return false;
        }
        // a nationality or an institution may stand before the title: "the Tajik Deputy Foreign Minister"
        for (int n = 0; n < 2 && k + n < toks.size(); n++) {
            int end = titleEnd(text, toks, k + n, caps, true);
            if (end > k + n) {
                return true;
            }
        }
        return false;
    }

    private static boolean honorific(String lower) {
        return lower.equals("mr") || lower.equals("mrs") || lower.equals("ms") || lower.equals("dr")
                || lower.equals("miss") || lower.equals("prof");
    }

    /** Where a run of name words starting at s ends (exclusive); s when there is none. */
    private static int nameRun(String text, List<Tok> toks, int s, boolean caps, boolean afterTitle) {
        int j = s;
        int end = s;
        while (j < toks.size() && j - s < 6) {
            Tok t = toks.get(j);
            boolean firstAfterTitle = j == s && afterTitle;
            if (j > s || afterTitle) {
                if (!gap(AFTER_TITLE, text, toks.get(j - 1).end, t.start)) {
                    break;
                }
                String gap = text.substring(toks.get(j - 1).end, t.start);
                Tok before = toks.get(j - 1);
                boolean abbreviated = firstAfterTitle ? ABBREVIATIONS.contains(before.lower) : isInitial(before);
                if (gap.startsWith(".") && !abbreviated) {
                    break;
                }
                if (gap.chars().filter(c -> c == '\n').count() > 1) {
                    break;
                }
            }
            // in a mixed-case text, a line in capitals (a SUBJECT line) after a title in capitals is no name
            boolean capsLine = !caps && j > 0 && allCapsWord(t) && allCapsWord(toks.get(j - 1));
            // "Tracey A. Moulder": a middle initial, even "A." or "I."
            boolean initial = j > s && t.word.length() == 1 && Character.isUpperCase(t.word.charAt(0))
                    && text.startsWith(".", t.end) && j + 1 < toks.size();
            if ((isNameWord(t, caps) || initial) && !capsLine) {
                j++;
                end = j;
                continue;
            }
            if (j > s && NameWords.PARTICLES.contains(t.lower) && j + 1 < toks.size()
                    && isNameWord(toks.get(j + 1), caps)
                    && gap(SPACE, text, t.end, toks.get(j + 1).start)) {
                j++;
                continue;
            }
            break;
        }
        return end;
    }

    private static boolean startsName(String text, List<Tok> toks, int s, boolean caps) {
        if (!isNameWord(toks.get(s), caps) || isInitial(toks.get(s))) {
            return false;
        }
        // the first word of a run: the word before is no name word, or stands apart ("(U) Tor Inge", "Ali, Haji")
        return s == 0 || !isNameWord(toks.get(s - 1), caps)
                || !gap(SPACE, text, toks.get(s - 1).end, toks.get(s).start);
    }

    static boolean isNameWord(Tok t, boolean caps) {
        String w = t.word;
        String lower = t.lower;
        if (NameWords.NOT_NAMES.contains(lower) || NameWords.isHead(lower) || NameWords.MODIFIERS.contains(lower)) {
            return false;
        }
        if (isInitial(t)) {
            return true;
        }
        if (WITHHELD.matcher(w).matches()) {
            return false;
        }
        boolean upperFirst = Character.isUpperCase(w.charAt(0)) || PREFIXED.matcher(w).matches();
        if (!upperFirst) {
            return false;
        }
        boolean wordCaps = w.equals(w.toUpperCase(Locale.ROOT));
        if (!caps && !wordCaps && NameWords.COMMON.contains(lower)) {
            // an English word capitalised because it opens a sentence: "Afterwards", "Several"
            return false;
        }
        if (!caps && wordCaps && w.length() <= 4) {
            // in a mixed-case text, a short word in capitals is an acronym: "ICRC", "DPM", "CSU"
            return false;
        }
        if (caps || wordCaps) {
            // in capitals "TRAINING", "MEETING" are words, not names
            boolean gerund = w.length() >= 6 && lower.endsWith("ing") || w.length() >= 7 && lower.endsWith("ly");
            return w.length() >= 2 && !gerund && !NameWords.COMMON.contains(lower)
                    && !NameWords.SPEECH.contains(lower) && (caps || w.length() >= 3);
        }
        return true;
    }

    private static boolean allCapsWord(Tok t) {
        return t.word.length() >= 2 && t.word.equals(t.word.toUpperCase(Locale.ROOT));
    }

    private static boolean isInitial(Tok t) {
        return t.word.length() == 1 && Character.isUpperCase(t.word.charAt(0));
    }

    /** The end of a name without a possessive "'s" or "’s". */
    private static int trimPossessive(String text, int start, int end) {
        String s = text.substring(start, end);
        if (s.endsWith("'s") || s.endsWith("’s") || s.endsWith("'S") || s.endsWith("’S")) {
            return end - 2;
        }
        return end;
    }

    private static boolean covered(List<Detection> found, int at) {
        for (Detection d : found) {
            if (d.start() <= at && at < d.end()) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Detection> out, Detection d) {
        for (Detection o : out) {
            if (o.overlaps(d)) {
                return;
            }
        }
        out.add(d);
    }
}
