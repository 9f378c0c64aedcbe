package org.declass.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.declass.marking.ClassificationLevel;
import org.declass.marking.Marking;
import org.declass.marking.MarkingRules;

/**
 * What the demo reviewer decides on each demo release, read from {@code demo/cables/REVIEWS} (described in the demo
 * cables' README): the words to redact <em>wherever they appear</em> and the paragraphs to withhold in full, each
 * with the exemption it rests on. A redaction names the words, not offsets: {@link #plan} finds them in every
 * paragraph (line breaks and runs of spaces between words match any white space), and cites the classified-information
 * code in a classified paragraph and the code for unclassified information in a (U) or SBU one, so that a demo never
 * cites 25X1 on an unclassified portion (R-EXM-1) nor leaves a name visible that it withholds elsewhere. A plan whose
 * words are nowhere in the cable, or that has no code for a portion the words are in, is refused.
 */
public final class DemoReviews {

    /** The resource the plans are read from. */
    public static final String RESOURCE = "demo/cables/REVIEWS";

    /**
     * Words to redact wherever they appear.
     *
     * @param words             the words, as written in the cable (case matters)
     * @param classifiedCode    the code cited where the paragraph is classified
     * @param unclassifiedCode  the code cited where the paragraph is (U) or SBU, or null when the words must not
     *                          appear in such a paragraph
     * @param why               the reviewer's note (no cable text)
     */
    public record Term(String words, String classifiedCode, String unclassifiedCode, String why) {
    }

    /** A paragraph withheld in full. */
    public record Withhold(String paragraph, String code, String why) {
    }

    /** The review of one cable. */
    public record Review(String reference, List<Term> terms, List<Withhold> withholds) {
    }

    /** One paragraph as the planner sees it: its address, its text, and whether it is classified. */
    public record Portion(String address, String text, boolean classified) {

        /** Classified when its own mark is; an unmarked paragraph takes the level the cable gives it. */
        public static boolean classified(Marking mark, ClassificationLevel effective) {
            return mark != null ? mark.isClassified() : effective != ClassificationLevel.UNCLASSIFIED;
        }
    }

    /** One redaction to make: characters [start, end) of a paragraph's text. */
    public record Span(String paragraph, int start, int end, String code, String why) {
    }

    /** The redactions and withholdings for one cable. */
    public record Plan(List<Span> redactions, List<Withhold> withholds) {
    }

    private DemoReviews() {
    }

    /** Every plan in the resource, by reference, in file order. */
    public static Map<String, Review> load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads plans: {@code == REFERENCE} starts a cable; {@code redact | classified code | unclassified code or - |
     * words | note} and {@code withhold | paragraph | code | note} follow; {@code #} starts a comment.
     */
    static Map<String, Review> parse(String text) {
        Map<String, Review> out = new LinkedHashMap<>();
        String reference = null;
        List<Term> terms = null;
        List<Withhold> withholds = null;
        int n = 0;
        for (String raw : text.split("\n")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("==")) {
                reference = line.substring(2).strip();
                terms = new ArrayList<>();
                withholds = new ArrayList<>();
                out.put(reference, new Review(reference, terms, withholds));
                continue;
            }
            String[] f = line.split("\\|");
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            if (reference == null) {
                throw new IllegalArgumentException(RESOURCE + " line " + n + ": no \"== REFERENCE\" before it");
            }
            if (f[0].equals("redact") && f.length == 5) {
                terms.add(new Term(f[3], f[1], f[2].equals("-") ? null : f[2], f[4]));
            } else if (f[0].equals("withhold") && f.length == 4) {
                withholds.add(new Withhold(f[1], f[2], f[3]));
            } else {
                throw new IllegalArgumentException(RESOURCE + " line " + n + ": expected \"redact | code | code | words"
                        + " | note\" or \"withhold | paragraph | code | note\"");
            }
        }
        out.replaceAll((k, v) -> new Review(k, List.copyOf(v.terms()), List.copyOf(v.withholds())));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The redactions of a review on a cable's paragraphs: every occurrence of every term's words (whole words) in
     * every paragraph not withheld in full; earlier terms first, a later term's occurrence inside an earlier span
     * skipped.
     *
     * @throws IllegalArgumentException when a term is nowhere in the cable, a withheld paragraph does not exist, or
     *                                  a term's words stand in an unclassified paragraph and it has no code for one
     */
    public static Plan plan(Review review, List<Portion> portions) {
        List<String> withheld = review.withholds().stream().map(Withhold::paragraph).toList();
        for (Withhold w : review.withholds()) {
            Portion p = portions.stream().filter(x -> x.address().equals(w.paragraph())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(review.reference() + " has no paragraph "
                            + w.paragraph() + " to withhold"));
            if (!p.classified() && MarkingRules.isClassifiedInformationExemption(w.code())) {
                throw new IllegalArgumentException(review.reference() + ": paragraph " + w.paragraph()
                        + " is unclassified and cannot be withheld under " + w.code());
            }
        }
        List<Span> spans = new ArrayList<>();
        for (Term t : review.terms()) {
            Pattern words = pattern(t.words());
            boolean found = false;
            for (Portion p : portions) {
                if (withheld.contains(p.address())) {
                    continue;
                }
                Matcher m = words.matcher(p.text());
                while (m.find()) {
                    found = true;
                    int start = m.start();
                    int end = m.end();
                    boolean inside = spans.stream().anyMatch(s -> s.paragraph().equals(p.address())
                            && s.start() < end && s.end() > start);
                    if (inside) {
                        continue;
                    }
                    String code = p.classified() ? t.classifiedCode() : t.unclassifiedCode();
                    if (code == null || !p.classified() && MarkingRules.isClassifiedInformationExemption(code)) {
                        throw new IllegalArgumentException(review.reference() + ": \"" + t.words() + "\" stands in the"
                                + " unclassified paragraph " + p.address() + " and the plan has no code for it");
                    }
                    spans.add(new Span(p.address(), start, end, code, t.why()));
                }
            }
            if (!found) {
                throw new IllegalArgumentException(review.reference() + ": \"" + t.words() + "\" is in no paragraph");
            }
        }
        return new Plan(List.copyOf(spans), review.withholds());
    }

    /** The words as a whole-word pattern in which any white space between two words matches any white space. */
    static Pattern pattern(String words) {
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] parts = words.strip().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append("\\s+");
            }
            sb.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(sb.append("(?![\\p{L}\\p{N}])").toString());
    }
}
