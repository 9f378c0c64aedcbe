package org.declass.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cables' own source-protection phrases: "(PROTECT)", "(STRICTLY PROTECT)", "STRICTLY PROTECT", and the
 * exemption markers "25X1" (also "25X1-human") and "50X1-HUM" written after a name. When a name stands right before
 * the phrase, the name is the suggestion (kind SOURCE, the phrase's code); a phrase with no name before it is
 * suggested itself, with less confidence, so that the reviewer looks at the passage. "protect" as an ordinary verb
 * (lower case) and "PROTECTION" are not phrases.
 */
public final class ProtectDetector {

    private static final Pattern MARKER = Pattern.compile(
            "\\(\\s*(?:STRICTLY\\s+|STRICT\\s+)?PROTECT\\s*\\)|\\bSTRICTLY\\s+PROTECT\\b"
                    + "|(?<![\\w-])\\(?\\s*(?:25X1(?:-HUM(?:AN)?)?|50X1-HUM)\\s*\\)?(?![\\w-])"
                    + "|(?<=[,\\-–—]\\s?)\\s*PROTECT\\b(?!ION|ED|ING|S)",
            Pattern.CASE_INSENSITIVE);

    /** The markers alone, each as a SOURCE detection of the marker's text. */
    List<Detection> markers(String text) {
        List<Detection> out = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            String phrase = m.group();
            boolean exemption = phrase.toUpperCase(java.util.Locale.ROOT).contains("X1");
            // "protect" in lower case is a verb; the cables write the phrase in capitals
            if (!exemption && !phrase.contains("PROTECT")) {
                continue;
            }
            int start = m.start();
            while (start < m.end() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            String code = phrase.toUpperCase(java.util.Locale.ROOT).contains("50X1") ? "50X1-HUM" : "25X1";
            out.add(new Detection(Kind.SOURCE, start, m.end(), code, 0.6,
                    "a source-protection marker with no name before it"));
        }
        return out;
    }

    /**
     * The SOURCE detections of a text, given its name detections: each name right before a marker becomes a SOURCE
     * with the marker's code; a marker with no name before it is kept as it is.
     */
    List<Detection> find(String text, List<Detection> names) {
        List<Detection> out = new ArrayList<>();
        for (Detection marker : markers(text)) {
            Detection name = nameBefore(text, marker.start(), names);
            if (name != null) {
                out.add(name.as(Kind.SOURCE, marker.code(), Math.max(0.95, name.confidence()),
                        "a name the cable marks as a source to protect"));
            } else {
                out.add(marker);
            }
        }
        return out;
    }

    /** A name ending right before {@code at}: only spaces, a comma, a dash or an opening parenthesis between. */
    private static Detection nameBefore(String text, int at, List<Detection> names) {
        for (Detection n : names) {
            if (n.end() <= at && text.substring(n.end(), at).matches("[\\s,(\\-–—]{0,4}")) {
                return n;
            }
        }
        // "Marta Vik, Deputy Chair of the NLP (PROTECT)": the person named earlier in the same sentence
        Detection nearest = null;
        for (Detection n : names) {
            if (n.end() <= at && at - n.end() <= 120 && !text.substring(n.end(), at).matches("(?s).*[.;:]\\s.*")) {
                nearest = n;
            }
        }
        if (nearest != null) {
            return nearest;
        }
        // a capitalised run that no other rule took for a name ("Andrus Kivimagi (STRICTLY PROTECT)")
        List<NameDetector.Tok> toks = NameDetector.tokens(text.substring(0, at));
        boolean caps = NameDetector.allCaps(text);
        int e = toks.size();
        if (e == 0 || !text.substring(toks.get(e - 1).end(), at).matches("[\\s,(\\-–—]{0,4}")) {
            return null;
        }
        int s = e;
        while (s > 0 && e - s < 4) {
            NameDetector.Tok t = toks.get(s - 1);
            boolean joined = s == e || text.substring(t.end(), toks.get(s).start()).matches("\\s+");
            boolean particle = s < e && NameWords.PARTICLES.contains(t.lower());
            if (!joined || !(NameDetector.isNameWord(t, caps) || particle)) {
                break;
            }
            s--;
        }
        while (s < e && NameWords.PARTICLES.contains(toks.get(s).lower())) {
            s++;
        }
        if (s == e) {
            return null;
        }
        return Detection.of(Kind.NAME, toks.get(s).start(), toks.get(e - 1).end(), 0.85,
                "a capitalised name before a protection marker");
    }
}
