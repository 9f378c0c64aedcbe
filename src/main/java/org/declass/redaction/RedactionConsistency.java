package org.declass.redaction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.declass.marking.Finding;
import org.declass.marking.Severity;

/**
 * X-CONSIST-2 (issue 20): a name or phrase that a cable redacts in one place and leaves visible in another place of
 * the same cable. The classic leak: the source's name redacted in paragraph 2 and printed in paragraph 4 of the same
 * release. Occurrences are found whatever their case, spacing and line breaks, at word boundaries; an occurrence is
 * visible unless a redaction covers it or its portion is withheld in full. Pure Java.
 * <p>
 * The finding names places, never the text: a finding is read by people who may not read the portion.
 */
public final class RedactionConsistency {

    public static final String CODE = "X-CONSIST-2";

    /** A redacted phrase shorter than this many letters and digits ("the", "A.") is not checked: too common. */
    static final int MIN_SIGNIFICANT = 4;

    /** A paragraph as the release would show it: its text, and whether it is withheld in full. */
    public record Portion(int seq, String address, String text, boolean withheldInFull) {
    }

    /** A redaction of {@code [start, end)} of paragraph {@code seq}. */
    public record Span(int seq, int start, int end) {
    }

    private RedactionConsistency() {
    }

    /** One ERROR per place where a redacted phrase stands visible, on the paragraph where it stands. */
    public static List<Finding> check(List<Portion> portions, List<Span> redactions) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> phrases = new LinkedHashSet<>();
        for (Span r : redactions) {
            Portion from = find(portions, r.seq());
            if (from == null || r.start() < 0 || r.end() > from.text().length() || r.start() >= r.end()) {
                continue;
            }
            String phrase = from.text().substring(r.start(), r.end());
            Pattern pattern = pattern(phrase);
            if (pattern == null || !phrases.add(pattern.pattern() + "@" + r.seq())) {
                continue;
            }
            for (Portion p : portions) {
                if (p.withheldInFull() || p.text() == null) {
                    continue;
                }
                Matcher m = pattern.matcher(p.text());
                while (m.find()) {
                    if (covered(redactions, p.seq(), m.start(), m.end())) {
                        continue;
                    }
                    String key = p.seq() + ":" + m.start();
                    if (seen.add(key)) {
                        out.add(new Finding(CODE, Severity.ERROR, "text redacted in ¶" + from.address()
                                + " stands unredacted in ¶" + p.address() + " (characters " + m.start() + "–"
                                + m.end() + "): redact it there too, or release it in both places", null, p.seq()));
                    }
                }
            }
        }
        return out;
    }

    /** The phrase as a pattern that ignores case and spacing, at word boundaries; null when too short to check. */
    static Pattern pattern(String phrase) {
        String trimmed = phrase.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
        long significant = trimmed.codePoints().filter(Character::isLetterOrDigit).count();
        if (significant < MIN_SIGNIFICANT) {
            return null;
        }
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] words = trimmed.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i].toLowerCase(Locale.ROOT)));
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean covered(List<Span> redactions, int seq, int start, int end) {
        // covered when the redactions of that paragraph, merged, cover [start, end)
        int at = start;
        boolean moved = true;
        while (at < end && moved) {
            moved = false;
            for (Span r : redactions) {
                if (r.seq() == seq && r.start() <= at && r.end() > at) {
                    at = r.end();
                    moved = true;
                }
            }
        }
        return at >= end;
    }

    private static Portion find(List<Portion> portions, int seq) {
        for (Portion p : portions) {
            if (p.seq() == seq) {
                return p;
            }
        }
        return null;
    }
}
