package org.declass.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.declass.review.InvalidRequest;

/**
 * Finds every occurrence of a phrase (one word or several) or of a regular expression in a portion's text, as
 * [start, end) offsets into that text exactly as stored. Pure Java (its refusals are the review's
 * {@link InvalidRequest}, 400).
 * <p>
 * A phrase is matched on the text with its case folded and every run of white space read as one space, so that a
 * name written across a line break, with two spaces, or in capitals is still one occurrence; a word broken by a
 * hyphen at a line end ("Camilleri-\nVella") is read without the break. A phrase matches whole words only: "Ali" is
 * not found inside "Alice". The offsets are mapped back to the stored text.
 * <p>
 * A regular expression is matched on the stored text as it is ({@code (?i)} and {@code \s+} are the caller's), and
 * under a budget: at most {@link Budget#stepsPerText} character reads per text and a deadline over all texts, so
 * that a catastrophic pattern ({@code (.*.*){12}X}, which java.util.regex cannot cut short) fails with
 * {@link TooComplex} instead of holding a thread.
 */
public final class OccurrenceFinder {

    /** Longer phrases or patterns are refused: nobody redacts a paragraph by pasting it. */
    public static final int MAX_LENGTH = 500;

    private final String needle;
    private final Pattern pattern;

    private OccurrenceFinder(String needle, Pattern pattern) {
        this.needle = needle;
        this.pattern = pattern;
    }

    /** An occurrence: characters [start, end) of the text searched. */
    public record Span(int start, int end) {
    }

    /** Why a phrase or pattern cannot be searched for; the message names the problem and never quotes any text. */
    public static class BadSearch extends InvalidRequest {
        public BadSearch(String message) {
            super(message);
        }
    }

    /** A regular expression ran past its budget on some text. */
    public static class TooComplex extends BadSearch {
        public TooComplex(String message) {
            super(message);
        }
    }

    /**
     * How much work a regular expression may do: character reads per text, and a deadline ({@link System#nanoTime})
     * over every text of one search.
     */
    public record Budget(long stepsPerText, long deadlineNanos) {

        /** One million reads per text, and {@code millis} for the whole search. */
        public static Budget of(long millis) {
            return new Budget(1_000_000, System.nanoTime() + millis * 1_000_000);
        }
    }

    public static OccurrenceFinder phrase(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            throw new BadSearch("the phrase is empty");
        }
        if (phrase.length() > MAX_LENGTH) {
            throw new BadSearch("the phrase is longer than " + MAX_LENGTH + " characters");
        }
        String n = Normalised.of(phrase).text().trim();
        if (n.isEmpty()) {
            throw new BadSearch("the phrase is empty");
        }
        return new OccurrenceFinder(n, null);
    }

    public static OccurrenceFinder regex(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new BadSearch("the pattern is empty");
        }
        if (regex.length() > MAX_LENGTH) {
            throw new BadSearch("the pattern is longer than " + MAX_LENGTH + " characters");
        }
        try {
            return new OccurrenceFinder(null, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            // the description and index say what is wrong; the pattern is the caller's own text
            throw new BadSearch("the pattern is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
    }

    public boolean isPattern() {
        return pattern != null;
    }

    /** Every occurrence in {@code text}, in order, none overlapping another, none empty. */
    public List<Span> in(String text, Budget budget) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return pattern != null ? matches(text, budget) : phrases(text);
    }

    private List<Span> phrases(String text) {
        Normalised n = Normalised.of(text);
        String hay = n.text();
        List<Span> out = new ArrayList<>();
        boolean wordStart = Character.isLetterOrDigit(needle.charAt(0));
        boolean wordEnd = Character.isLetterOrDigit(needle.charAt(needle.length() - 1));
        int from = 0;
        while (true) {
            int at = hay.indexOf(needle, from);
            if (at < 0) {
                return out;
            }
            int after = at + needle.length();
            boolean startOk = !wordStart || at == 0 || !Character.isLetterOrDigit(hay.charAt(at - 1));
            boolean endOk = !wordEnd || after == hay.length() || !Character.isLetterOrDigit(hay.charAt(after));
            if (startOk && endOk) {
                out.add(new Span(n.origin(at), n.origin(after - 1) + 1));
                from = after;
            } else {
                from = at + 1;
            }
        }
    }

    private List<Span> matches(String text, Budget budget) {
        Bounded bounded = new Bounded(text, budget);
        List<Span> out = new ArrayList<>();
        try {
            Matcher m = pattern.matcher(bounded);
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new Span(m.start(), m.end()));
                }
            }
        } catch (StackOverflowError e) {
            throw new TooComplex("the pattern recurses too deeply on this text; simplify it");
        }
        return out;
    }

    /**
     * The text the regex reads, counting every character read: past the budget per text or the deadline, the
     * search stops with {@link TooComplex}.
     */
    private static final class Bounded implements CharSequence {
        private final String text;
        private final Budget budget;
        private long steps;

        Bounded(String text, Budget budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            steps++;
            if (steps > budget.stepsPerText()) {
                throw new TooComplex("the pattern takes too many steps (more than " + budget.stepsPerText()
                        + " on one portion); simplify it, for example without repetition of repetition such as"
                        + " (.*.*){12}");
            }
            if ((steps & 0x3FF) == 0 && System.nanoTime() > budget.deadlineNanos()) {
                throw new TooComplex("the pattern takes too long over these cables; simplify it or select fewer"
                        + " cables");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A text with its case folded and each run of white space as one space (none at the start), and for each of its
     * characters the offset in the original it came from. A hyphen at a line's end followed by a word is joined to
     * it.
     */
    record Normalised(String text, int[] origins) {

        int origin(int index) {
            return origins[index];
        }

        static Normalised of(String s) {
            StringBuilder out = new StringBuilder(s.length());
            int[] origins = new int[s.length()];
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (space(c)) {
                    int j = i;
                    boolean lineBreak = false;
                    while (j < s.length() && space(s.charAt(j))) {
                        lineBreak |= s.charAt(j) == '\n' || s.charAt(j) == '\r';
                        j++;
                    }
                    int n = out.length();
                    boolean hyphenBreak = lineBreak && n >= 2 && out.charAt(n - 1) == '-'
                            && Character.isLetter(out.charAt(n - 2)) && j < s.length()
                            && Character.isLetter(s.charAt(j));
                    if (n > 0 && !hyphenBreak) {
                        origins[n] = i;
                        out.append(' ');
                    }
                    i = j;
                } else {
                    origins[out.length()] = i;
                    out.append(Character.toLowerCase(c));
                    i++;
                }
            }
            return new Normalised(out.toString(), origins);
        }

        private static boolean space(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
    }
}
