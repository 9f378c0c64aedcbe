package org.declass.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A snippet of one portion's text around what a query matched, HTML-escaped, with each hit inside
 * {@code <mark>…</mark>}. Matches are found with the index's own tokens ({@link Tokens}), so a snippet marks what the
 * index matched; excluded words are never marked. The caller passes only text the reader may read.
 */
public final class Snippets {

    /** Characters of context on each side of the first hit. */
    static final int CONTEXT = 80;

    private Snippets() {
    }

    /** The snippet of {@code text} for this query, or null when nothing in it matches. */
    public static String of(SearchQuery query, String text) {
        return of(query).in(text);
    }

    /**
     * The query's shown parts analysed once, to take snippets of many texts: a search page asks for every paragraph
     * of every cable on it, and analysing the query again at every token was most of a search's time.
     */
    public static Finder of(SearchQuery query) {
        List<Part> parts = new ArrayList<>();
        for (SearchQuery q : query.shown()) {
            List<String> terms;
            boolean prefix = false;
            if (q instanceof SearchQuery.Word w) {
                terms = Tokens.terms(w.text());
            } else if (q instanceof SearchQuery.Phrase p) {
                terms = Tokens.terms(String.join(" ", p.words()));
            } else if (q instanceof SearchQuery.Prefix p) {
                terms = Tokens.terms(p.stem());
                prefix = true;
            } else {
                continue;
            }
            if (!terms.isEmpty()) {
                parts.add(new Part(terms, prefix));
            }
        }
        return new Finder(List.copyOf(parts));
    }

    /** One shown part of a query: its index terms, the last one a prefix for {@code stem*}. */
    record Part(List<String> terms, boolean prefix) {
    }

    /** Snippets for one query, over as many texts as needed. */
    public static final class Finder {
        private final List<Part> parts;

        private Finder(List<Part> parts) {
            this.parts = parts;
        }

        /** The snippet of {@code text}, or null when nothing in it matches. */
        public String in(String text) {
            if (text == null || text.isEmpty() || parts.isEmpty() || surelyNoHit(text)) {
                return null;
            }
            List<int[]> hits = hits(parts, Tokens.of(text));
            if (hits.isEmpty()) {
                return null;
            }
            return cut(text, hits);
        }

        /**
         * True when a plain-ASCII text holds none of the parts' first terms anywhere: then no token can match and the
         * text need not be analysed. (In ASCII the analyzer only lower-cases, so every token is a lower-cased piece of
         * the text; text with other characters may fold, "Lõuna" to "louna", and is always analysed.)
         */
        private boolean surelyNoHit(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 127) {
                    return false;
                }
            }
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            for (Part p : parts) {
                if (lower.contains(p.terms().get(0))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static String cut(String text, List<int[]> hits) {
        int from = Math.max(0, hits.get(0)[0] - CONTEXT);
        int to = Math.min(text.length(), hits.get(0)[1] + CONTEXT);
        // widen to whole words
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
            to++;
        }
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append("… ");
        }
        int at = from;
        for (int[] h : hits) {
            if (h[0] < at || h[1] > to) {
                continue;
            }
            escape(text, at, h[0], out);
            out.append("<mark>");
            escape(text, h[0], h[1], out);
            out.append("</mark>");
            at = h[1];
        }
        escape(text, at, to, out);
        if (to < text.length()) {
            out.append(" …");
        }
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    /** The spans {start, end} of the text that the parts match, in order, not overlapping. */
    static List<int[]> hits(List<Part> parts, List<Tokens.Token> tokens) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int len = matchAt(parts, tokens, i);
            if (len > 0) {
                out.add(new int[] {tokens.get(i).start(), tokens.get(i + len - 1).end()});
                i += len;
            } else {
                i++;
            }
        }
        return out;
    }

    /** How many tokens from {@code i} one of the parts matches (the longest), 0 when none. */
    private static int matchAt(List<Part> parts, List<Tokens.Token> tokens, int i) {
        int best = 0;
        for (Part part : parts) {
            List<String> terms = part.terms();
            if (i + terms.size() > tokens.size()) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < terms.size() && match; k++) {
                String token = tokens.get(i + k).term();
                boolean last = k == terms.size() - 1;
                match = part.prefix() && last ? token.startsWith(terms.get(k)) : token.equals(terms.get(k));
            }
            if (match) {
                best = Math.max(best, terms.size());
            }
        }
        return best;
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
