package org.declass.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passport, identity card, service and other personal document numbers: a number after a word that names the
 * document ("Passport No.: A3318207", "national ID number 1987-04-552310", "service no. JDF/44718"), and, with less
 * confidence, a passport-like token (one or two capitals and seven to nine digits) with no such word.
 */
public final class IdentityNumberDetector implements Detector {

    private static final String DOCUMENT = "(?:diplomatic\\s+|official\\s+|service\\s+)?passport"
            + "|(?:national\\s+)?id(?:entity|entification)?(?:\\s+card)?|identity\\s+card|i\\.d\\."
            + "|service|social\\s+security|ssn|visa|residence\\s+permit|residency\\s+card|driver'?s\\s+licen[cs]e"
            + "|document|cnic|dni|c[eé]dula|badge|military\\s+id|personnel|registration|registered\\s+under";

    /** The document word, then "no.", "number", "#", "is", ":" in any order, then the number. */
    private static final Pattern KEYED = Pattern.compile("(?i)\\b(?:" + DOCUMENT + ")"
            + "(?:\\s*(?:,|no\\.?|nos\\.?|number|num\\.?|#|:|is|was|reads|bearing|holder)\\s*){0,4}\\s*"
            + "(?<num>(?=[A-Z0-9/.-]*\\d[A-Z0-9/.-]*\\d[A-Z0-9/.-]*\\d[A-Z0-9/.-]*\\d)[A-Z0-9][A-Z0-9/.-]{3,30}"
            + "[A-Z0-9])(?![A-Za-z0-9])");

    private static final Pattern PASSPORT_LIKE = Pattern.compile(
            "(?<![A-Za-z0-9/#-])[A-Z]{1,2}\\d{7,9}(?![A-Za-z0-9/])");

    @Override
    public List<Detection> find(String text) {
        List<Detection> out = new ArrayList<>();
        Matcher m = KEYED.matcher(text);
        while (m.find()) {
            String num = m.group("num");
            if (looksLikeYearOrDate(num)) {
                continue;
            }
            out.add(Detection.of(Kind.IDENTITY_NUMBER, m.start("num"), m.end("num"), 0.92,
                    "a number after a word naming a personal document"));
        }
        Matcher p = PASSPORT_LIKE.matcher(text);
        while (p.find()) {
            int s = p.start();
            if (out.stream().noneMatch(d -> d.overlaps(s, p.end()))) {
                out.add(Detection.of(Kind.IDENTITY_NUMBER, s, p.end(), 0.6, "shaped like a passport number"));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Detection::start));
        return out;
    }

    /** "2009", "06/06/2018", "1.4": a year, a date or a section number after "document" is not a document number. */
    private static boolean looksLikeYearOrDate(String s) {
        return s.matches("(?:19|20)\\d\\d") || s.matches("\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}");
    }
}
