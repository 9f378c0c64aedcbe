package org.declass.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.declass.redaction.ReleasableText.Hidden;
import org.declass.redaction.ReleasableText.Kept;
import org.declass.redaction.ReleasableText.Segment;

/**
 * Produces the releasable form of a paragraph. A hidden span becomes {@code [REDACTED 25X1 (b)(1)]}; a paragraph
 * withheld in full becomes {@code [WITHHELD IN FULL (b)(1)]}. Placeholders show the codes and nothing else: two
 * secrets of different lengths under the same codes give the same output. Overlapping or touching spans are
 * merged, their codes joined.
 */
public final class Redactor {

    private Redactor() {
    }

    /**
     * @param text           the paragraph's text, exactly as stored and returned by the API
     * @param withheldInFull true when the paragraph's disposition is "withhold in full"
     * @param withholdCodes  the codes of that disposition
     * @param spans          the paragraph's redactions, in any order
     */
    public static ReleasableText release(String text, boolean withheldInFull, List<String> withholdCodes,
                                         List<RedactionSpan> spans) {
        if (withheldInFull) {
            List<String> codes = distinct(withholdCodes);
            return new ReleasableText(List.of(new Hidden(codes, Placeholders.withheldInFull(codes), true)));
        }
        List<RedactionSpan> merged = merge(spans, text.length());
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (RedactionSpan s : merged) {
            if (s.start() > at) {
                out.add(new Kept(text.substring(at, s.start())));
            }
            out.add(new Hidden(s.codes(), placeholder(s.codes()), false));
            at = s.end();
        }
        if (at < text.length()) {
            out.add(new Kept(text.substring(at)));
        }
        return new ReleasableText(out);
    }

    /** The token that replaces a hidden span: depends on the codes only. */
    public static String placeholder(List<String> codes) {
        return Placeholders.redacted(distinct(codes));
    }

    /** Sorted by start; overlapping or touching spans become one, with the union of their codes. */
    static List<RedactionSpan> merge(List<RedactionSpan> spans, int length) {
        List<RedactionSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(RedactionSpan::start).thenComparingInt(RedactionSpan::end));
        List<RedactionSpan> merged = new ArrayList<>();
        for (RedactionSpan s : sorted) {
            if (s.end() > length) {
                throw new IllegalArgumentException("redaction " + s.start() + ".." + s.end()
                        + " runs past the paragraph's " + length + " characters");
            }
            if (!merged.isEmpty() && s.start() <= merged.get(merged.size() - 1).end()) {
                RedactionSpan last = merged.remove(merged.size() - 1);
                List<String> codes = new ArrayList<>(last.codes());
                codes.addAll(s.codes());
                merged.add(new RedactionSpan(last.start(), Math.max(last.end(), s.end()), distinct(codes)));
            } else {
                merged.add(new RedactionSpan(s.start(), s.end(), distinct(s.codes())));
            }
        }
        return merged;
    }

    private static List<String> distinct(List<String> codes) {
        Set<String> set = new LinkedHashSet<>();
        if (codes != null) {
            for (String c : codes) {
                if (c != null && !c.isBlank()) {
                    set.add(c.trim());
                }
            }
        }
        return List.copyOf(set);
    }
}
