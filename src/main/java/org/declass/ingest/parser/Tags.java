package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The TAGS element (Traffic Analyses by Geography and Subject): its value read into cleaned tags, and the kind of
 * each tag.
 * <p>
 * <b>Reading.</b> Tags are separated by commas, semicolons or white space, over one or more lines. A run of words
 * that are not tag codes is one tag, so a comma list keeps its multi-word tags ("Organized Crime") and so does a space
 * list ("COUNTER TERRORISM"). A person tag is filed "SURNAME, GIVEN NAME(S)", as State writes names in TAGS; it is
 * recognised when written in parentheses ("OVIP (NOVAK, PETER J.)"), and after OVIP (the visit tag, which names the
 * visitor) as two comma items ("OVIP, NOVAK, PETER") or a run of name words in a space list ("OVIP NOVAK PETER",
 * filed "NOVAK, PETER"); two free-text words elsewhere ("PREL, BRAZIL, CHINA") stay two tags. Tags are upper-cased;
 * publisher markdown ("[PGOV](#)"), CSV continuation marks ("\") and trailing punctuation are removed (an initial's
 * period in a name is kept); duplicates are dropped.
 * <p>
 * <b>Kinds</b>, after State's TAGS handbook (5 FAH-3):
 * <ul>
 * <li>{@link TagKind#PERSON}: any tag written "SURNAME, GIVEN NAME".</li>
 * <li>{@link TagKind#GEOGRAPHIC}: the two-letter codes of the TAGS country list, which are not ISO codes (IZ Iraq,
 * KS South Korea, UK, GM Germany, SP Spain, and X-codes for regions such as XA Africa), and organisation tags (UN,
 * UNSC, NATO, EUN, IAEA, OSCE, OECD, AU, ASEAN, OAS, WTO, IMF ...; a list of the common ones is below).</li>
 * <li>{@link TagKind#PROGRAM}: K and three letters, the program TAGS (KDEM, KPAO, KCRM, KNNP ...).</li>
 * <li>{@link TagKind#SUBJECT}: four letters whose first letter is a subject category: A administration, B business
 * services, C consular, E economic, L legal, M military, O outreach and operations (OVIP, OEXC, OIIP), P political,
 * S social, T science and technology (PREL, PGOV, ECON, MARR, ASEC ...).</li>
 * </ul>
 * A tag in none of these is kinded by its shape: a multi-word tag is a free-text subject ("ORGANIZED CRIME"), unless
 * its first word is an organisation or a United States mission ("USEU BRUSSELS": geographic); a single word of seven
 * letters or more is a free-text subject ("COUNTERTERRORISM"); any other code (three, five or six letters, or four
 * letters with another first letter: GTMO, ICTY) is taken for an organisation or place (geographic).
 */
final class Tags {

    private static final String SUBJECT_CATEGORIES = "ABCELMOPST";

    /** Subject tags of 5 FAH-3 and others seen in cables; a name after OVIP is never one of these. */
    private static final Set<String> SUBJECT_TAGS = Set.of("AADP", "ABLD", "ABUD", "ACOA", "ACKM", "ADCO", "ADPM",
            "AEMR", "AFIN", "AFSI", "AFSN", "AGAO", "AINF", "AINR", "AINT", "ALEO", "ALOW", "AMED", "AMGT", "AMTC",
            "ANET", "AODE", "AOMS", "AORC", "APCS", "APER", "ASCH", "ASEC", "ASIG", "ASUP", "ATRN", "BBSR", "BEXP",
            "BMGT", "BTIO", "CASC", "CFED", "CJAN", "CLOK", "CMGT", "CPAS", "CVIS", "EAGR", "EAID", "EAIR", "ECIN",
            "ECON", "ECPS", "EFIN", "EFIS", "EIND", "EINT", "EINV", "ELAB", "ELTN", "EMIN", "ENRG", "EPET", "ETRD",
            "ETTC", "EWWT", "MARR", "MASS", "MCAP", "MNUC", "MOPS", "ODIP", "OEXC", "OFDP", "OIIP", "OPDC", "OPRC",
            "OREP", "OSCI", "OTRA", "OVIP", "PARM", "PBTS", "PGOV", "PHSA", "PHUM", "PINR", "PINS", "PINT", "PNAT",
            "PREF", "PREL", "PROP", "PTER", "SCUL", "SENV", "SMIG", "SNAR", "SOCI", "TBIO", "TINT", "TNGD", "TPHY",
            "TRGY", "TSPA", "TSPL");

    /** Organisation tags (geographic), especially those shaped like subject or program tags (OECD, OPEC, KFOR). */
    private static final Set<String> ORGANISATIONS = Set.of("UN", "UNSC", "UNGA", "UNHRC", "UNHCR", "UNDP", "UNEP",
            "UNESCO", "UNICEF", "UNIFIL", "UNMIK", "UNAMA", "UNAMI", "UNAMID", "UNMIS", "UNMIL", "UNMIT", "UNOCI",
            "UNODC", "UNRWA", "UNDOF", "UNFICYP", "UNFCCC", "UNCTAD", "UNIDO", "UNFPA", "UNOMIG", "UNMEE", "UNTSO",
            "UNMOGIP", "MONUC", "MINURSO", "MINUSTAH", "ICTY", "ICTR", "ICC", "ICJ", "IAEA", "IMF", "IBRD", "WTO",
            "WHO", "FAO", "ILO", "IMO", "ICAO", "ITU", "WIPO", "WMO", "WFP", "IFAD", "UPU", "IOM", "ICRC", "IFRC",
            "INTERPOL", "NATO", "EUN", "OSCE", "OECD", "OPEC", "OAPEC", "OPCW", "CTBTO", "NSG", "MTCR", "MTCRE",
            "AU", "OAU", "OAS", "ASEAN", "APEC", "ARF", "SAARC", "SADC", "ECOWAS", "IGAD", "GCC", "OIC", "CARICOM",
            "MERCOSUR", "SICA", "NAM", "EBRD", "ADB", "AFDB", "IADB", "IDB", "ISAF", "KFOR", "SFOR", "EUFOR", "EULEX",
            "EFTA", "CIS", "CSTO", "SCO", "EAPC", "PFP", "ECOSOC", "COE", "KANU", "PLO", "CIA", "FBI", "DEA", "DHS",
            "DOD", "DOE", "USTR", "USAID", "MCC", "INRA", "INRB", "INRO", "EUC");

    private static final Pattern MARKDOWN = Pattern.compile("\\[([^\\]\\n]{1,60})\\]\\(#\\)");

    private Tags() {
    }

    // ------------------------------------------------------------------ reading

    /** The cleaned tags written in a TAGS value (its lines joined by newlines), in order, without duplicates. */
    static List<String> read(CharSequence value) {
        String s = value.toString();
        if (s.indexOf("](#)") >= 0) {
            s = MARKDOWN.matcher(s).replaceAll("$1");
        }
        List<Item> items = items(s);
        Set<String> out = new LinkedHashSet<>();
        String last = null;
        for (int k = 0; k < items.size(); k++) {
            Item item = items.get(k);
            if (item.group && item.text.indexOf(',') >= 0) {
                int comma = item.text.indexOf(',');
                last = add(out, person(List.of(item.text.substring(0, comma)), words(item.text.substring(comma + 1))));
                continue;
            }
            List<String> ws = item.group ? words(item.text) : item.words;
            // "OVIP, NOVAK, PETER": the visitor's surname and given names as two comma items
            if ("OVIP".equals(last) && !item.group && ws.size() == 1 && k + 1 < items.size()
                    && isNameWord(ws.get(0), true) && givenNames(items.get(k + 1))) {
                last = add(out, person(ws, items.get(k + 1).words));
                k++;
                continue;
            }
            int i = 0;
            while (i < ws.size()) {
                boolean afterOvip = "OVIP".equals(last);
                if (isCode(ws.get(i), afterOvip)) {
                    last = add(out, clean(ws.get(i)));
                    i++;
                    continue;
                }
                int j = i + 1;
                while (j < ws.size() && !isCode(ws.get(j), afterOvip)) {
                    j++;
                }
                List<String> run = ws.subList(i, j);
                if (afterOvip && run.size() >= 2) {
                    last = add(out, person(run.subList(0, 1), run.subList(1, run.size())));
                } else {
                    StringBuilder sb = new StringBuilder();
                    for (String w : run) {
                        String c = clean(w);
                        if (!c.isEmpty()) {
                            sb.append(sb.length() > 0 ? " " : "").append(c);
                        }
                    }
                    last = add(out, sb.toString());
                }
                i = j;
            }
        }
        return new ArrayList<>(out);
    }

    /** True when the TAGS value read so far expects more: it ends in a comma or leaves a parenthesis open. */
    static boolean continues(CharSequence value) {
        int depth = 0;
        char lastChar = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (!Character.isWhitespace(c) && c != '\\') {
                lastChar = c;
            }
        }
        return depth > 0 || lastChar == ',' || lastChar == ';';
    }

    /**
     * True when a line reads as (more of) a tag list. Strictly: every item a code of two to five letters or digits in
     * one case, or a known organisation. Leniently, for a line continuing a list that expects more: words of letters.
     */
    static boolean looksLikeList(String line, boolean lenient) {
        if (line.isEmpty() || line.length() > 120) {
            return false;
        }
        int tokens = 0;
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            boolean sep = Character.isWhitespace(c) || c == ',' || c == ';' || c == '(' || c == ')' || c == '\\';
            if (!sep) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0) {
                if (!(lenient ? isListWord(line, start, i) : isListCode(line.substring(start, i)))) {
                    return false;
                }
                tokens++;
                start = -1;
            }
        }
        return tokens > 0;
    }

    /**
     * True when every item of the line is a word of capitals (and digits or hyphens) of up to twelve characters: a
     * continuation that holds longer codes ("USEU BRUSSELS"), accepted when the SUBJECT line follows it.
     */
    static boolean looksLikeCodeWords(String line) {
        if (line.isEmpty() || line.length() > 120) {
            return false;
        }
        int tokens = 0;
        int n = 0;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            if (Character.isWhitespace(c) || c == ',' || c == ';' || c == '\\') {
                if (n > 12 || n == 1) {
                    return false;
                }
                tokens += n > 0 ? 1 : 0;
                n = 0;
            } else if (n == 0 ? c >= 'A' && c <= 'Z' : c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
                n++;
            } else {
                return false;
            }
        }
        return tokens > 0;
    }

    private static boolean isListCode(String t) {
        int n = t.length();
        if (ORGANISATIONS.contains(t.toUpperCase(Locale.ROOT)) && (t.equals(t.toUpperCase(Locale.ROOT))
                || t.equals(t.toLowerCase(Locale.ROOT)))) {
            return true;
        }
        if (n < 2 || n > 5 || !Character.isLetter(t.charAt(0))) {
            return false;
        }
        boolean upper = Character.isUpperCase(t.charAt(0));
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c) ? Character.isUpperCase(c) != upper : !Character.isDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isListWord(String line, int s, int e) {
        if (e - s > 20 || !Character.isLetter(line.charAt(s))) {
            return false;
        }
        for (int i = s; i < e; i++) {
            char c = line.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '-' && c != '\'' && c != '/') {
                return false;
            }
        }
        return true;
    }

    private record Item(List<String> words, boolean group, String text) {
    }

    /** Splits a value into comma items (words) and parenthesised groups (raw text). */
    private static List<Item> items(String s) {
        List<Item> items = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        StringBuilder group = null;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (depth > 0) {
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    items.add(new Item(List.of(), true, group.toString()));
                    continue;
                }
                group.append(c);
                continue;
            }
            if (c == '(') {
                flushWord(word, cur);
                flushItem(cur, items);
                group = new StringBuilder();
                depth = 1;
            } else if (c == ',' || c == ';') {
                flushWord(word, cur);
                flushItem(cur, items);
            } else if (Character.isWhitespace(c) || c == '\\' || c == ')') {
                flushWord(word, cur);
            } else {
                word.append(c);
            }
        }
        if (depth > 0) {
            items.add(new Item(List.of(), true, group.toString()));
        }
        flushWord(word, cur);
        flushItem(cur, items);
        return items;
    }

    private static void flushWord(StringBuilder word, List<String> cur) {
        if (word.length() > 0) {
            cur.add(word.toString());
            word.setLength(0);
        }
    }

    private static void flushItem(List<String> cur, List<Item> items) {
        if (!cur.isEmpty()) {
            items.add(new Item(List.copyOf(cur), false, null));
            cur.clear();
        }
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\\' || c == ',' || c == ';') {
                flushWord(word, out);
            } else {
                word.append(c);
            }
        }
        flushWord(word, out);
        return out;
    }

    /**
     * A tag code rather than a word of a name or phrase: digits or a slash in it, three letters or fewer (not an
     * initial after OVIP), a known organisation or subject tag, the SIPDIS caption, K and three letters, or (except in
     * a name after OVIP) four letters of a subject category.
     */
    private static boolean isCode(String w, boolean afterOvip) {
        String t = clean(w);
        int n = t.length();
        if (afterOvip && n == 1) {
            return false; // an initial: "OVIP BUSH GEORGE W"
        }
        if (n <= 3 || ORGANISATIONS.contains(t) || SUBJECT_TAGS.contains(t) || t.equals("SIPDIS")) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c) || c == '/') {
                return true;
            }
        }
        if (n == 4 && t.charAt(0) == 'K') {
            return true;
        }
        return n == 4 && !afterOvip && SUBJECT_CATEGORIES.indexOf(t.charAt(0)) >= 0;
    }

    private static boolean isNameWord(String w, boolean afterOvip) {
        String t = clean(w);
        if (t.length() < 2 || isCode(t, afterOvip)) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** The second half of "SURNAME, GIVEN NAMES": one to three names, the last perhaps an initial. */
    private static boolean givenNames(Item item) {
        int n = item.words.size();
        if (item.group || n == 0 || n > 3) {
            return false;
        }
        for (int i = 0; i < item.words.size(); i++) {
            String w = item.words.get(i);
            boolean initial = i == item.words.size() - 1 && i > 0 && clean(w).length() == 1;
            if (!initial && !isNameWord(w, true)) {
                return false;
            }
        }
        return true;
    }

    private static String person(List<String> surname, List<String> given) {
        StringBuilder sb = new StringBuilder();
        for (String w : surname) {
            String c = clean(w);
            if (!c.isEmpty()) {
                sb.append(sb.length() > 0 ? " " : "").append(c);
            }
        }
        StringBuilder g = new StringBuilder();
        for (String w : given) {
            String c = clean(w);
            if (c.isEmpty()) {
                continue;
            }
            if (c.length() == 1 && Character.isLetter(c.charAt(0)) && w.indexOf('.') >= 0) {
                c = c + ".";
            }
            g.append(g.length() > 0 ? " " : "").append(c);
        }
        return g.length() == 0 ? sb.toString() : sb + ", " + g;
    }

    private static String add(Set<String> out, String tag) {
        if (!tag.isEmpty()) {
            out.add(tag);
        }
        return tag;
    }

    /** Upper case, without surrounding punctuation and quotes. */
    private static String clean(String w) {
        int s = 0;
        int e = w.length();
        while (s < e && "([{\"'*“‘".indexOf(w.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && ".,;:)]}\"'*\\”’".indexOf(w.charAt(e - 1)) >= 0) {
            e--;
        }
        return w.substring(s, e).toUpperCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ kinds

    /** One kind per tag, in the same order. */
    static List<TagKind> kinds(List<String> tags) {
        List<TagKind> out = new ArrayList<>(tags.size());
        for (String t : tags) {
            out.add(kind(t));
        }
        return out;
    }

    /** The kind of one cleaned tag; see the class comment for the rules. */
    static TagKind kind(String tag) {
        String t = tag.trim().toUpperCase(Locale.ROOT);
        if (t.indexOf(',') > 0) {
            return TagKind.PERSON;
        }
        if (ORGANISATIONS.contains(t)) {
            return TagKind.GEOGRAPHIC;
        }
        int space = t.indexOf(' ');
        if (space > 0) {
            String first = t.substring(0, space);
            return ORGANISATIONS.contains(first) || first.startsWith("US") && first.length() <= 6
                    ? TagKind.GEOGRAPHIC : TagKind.SUBJECT;
        }
        boolean letters = true;
        for (int i = 0; i < t.length(); i++) {
            letters &= Character.isLetter(t.charAt(i));
        }
        if (letters && t.length() == 2) {
            return TagKind.GEOGRAPHIC;
        }
        if (letters && t.length() == 4 && t.charAt(0) == 'K') {
            return TagKind.PROGRAM;
        }
        if (letters && t.length() == 4 && SUBJECT_CATEGORIES.indexOf(t.charAt(0)) >= 0) {
            return TagKind.SUBJECT;
        }
        if (letters && t.length() >= 7) {
            return TagKind.SUBJECT;
        }
        return TagKind.GEOGRAPHIC;
    }
}
