package org.declass.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the search box's query language. Pure Java.
 * <ul>
 * <li>{@code harbor dispute}: both words (AND);</li>
 * <li>{@code "dredging contract"}: the words one after the other, in one portion;</li>
 * <li>{@code dredg*}: a word beginning with "dredg" (at least {@value #MIN_PREFIX} characters before the star);</li>
 * <li>{@code tallinn OR riga}: either (OR binds tighter than the implicit AND; write it in capitals);</li>
 * <li>{@code -ministry}: without that word (or phrase, or group);</li>
 * <li>{@code (tallinn OR riga) harbor}: parentheses group.</li>
 * </ul>
 * Anything else is a {@link QueryProblem} naming the problem and its position (counted from 1).
 */
public final class QueryParser {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_PARTS = 16;
    public static final int MIN_PREFIX = 2;

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int parts;

    private QueryParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** The query, or a {@link QueryProblem}; never null. */
    public static SearchQuery.All parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QueryProblem("q is empty: type a word to look for");
        }
        if (query.length() > MAX_LENGTH) {
            throw new QueryProblem("q is too long: at most " + MAX_LENGTH + " characters");
        }
        QueryParser p = new QueryParser(query, lex(query));
        SearchQuery.All all = p.sequence(false);
        if (p.next < p.tokens.size()) {
            Token t = p.tokens.get(p.next);
            throw new QueryProblem("q has a closing parenthesis without an opening one at position " + t.at);
        }
        return all;
    }

    private enum Kind { WORD, PHRASE, OR, MINUS, OPEN, CLOSE }

    private record Token(Kind kind, String text, int at) {
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            int at = i + 1;
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new QueryProblem("q has a quote without its closing quote at position " + at);
                }
                out.add(new Token(Kind.PHRASE, s.substring(i + 1, end), at));
                i = end + 1;
            } else if (ch == '(' || ch == ')') {
                out.add(new Token(ch == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(ch), at));
                i++;
            } else if (ch == '-' && (out.isEmpty() || startsTerm(s, i) || out.get(out.size() - 1).kind == Kind.MINUS
                    && out.get(out.size() - 1).at == i)) {
                if (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1)) || s.charAt(i + 1) == ')') {
                    throw new QueryProblem("q has a minus sign with nothing to exclude at position " + at);
                }
                out.add(new Token(Kind.MINUS, "-", at));
                i++;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "\"()".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                String word = s.substring(i, end);
                out.add(new Token(word.equals("OR") ? Kind.OR : Kind.WORD, word, at));
                i = end;
            }
        }
        return out;
    }

    /** A minus sign excludes when it begins a term (after a space or a parenthesis), not inside "e-mail". */
    private static boolean startsTerm(String s, int i) {
        char before = s.charAt(i - 1);
        return Character.isWhitespace(before) || before == '(';
    }

    /** Terms up to the end or (inside parentheses) a closing parenthesis: all of them must match. */
    private SearchQuery.All sequence(boolean nested) {
        List<SearchQuery> must = new ArrayList<>();
        List<SearchQuery> excluded = new ArrayList<>();
        int start = next;
        while (next < tokens.size() && tokens.get(next).kind != Kind.CLOSE) {
            Token t = tokens.get(next);
            if (t.kind == Kind.OR) {
                throw new QueryProblem("q has OR without a word before it at position " + t.at);
            }
            boolean minus = t.kind == Kind.MINUS;
            if (minus) {
                next++;
            }
            SearchQuery one = alternatives(minus);
            if (one == null) {
                continue; // a word of punctuation alone: nothing to look for
            }
            (minus ? excluded : must).add(one);
        }
        if (must.isEmpty()) {
            int at = start < tokens.size() ? tokens.get(start).at : text.length();
            throw new QueryProblem(excluded.isEmpty()
                    ? (nested ? "q has empty parentheses at position " + at : "q has no word to look for")
                    : "q excludes words but looks for none: add a word to look for");
        }
        return new SearchQuery.All(must, excluded);
    }

    /** One term, or terms joined by OR. */
    private SearchQuery alternatives(boolean excluded) {
        List<SearchQuery> any = new ArrayList<>();
        SearchQuery first = primary();
        if (first != null) {
            any.add(first);
        }
        while (next < tokens.size() && tokens.get(next).kind == Kind.OR) {
            Token or = tokens.get(next++);
            if (next >= tokens.size() || tokens.get(next).kind == Kind.CLOSE || tokens.get(next).kind == Kind.OR) {
                throw new QueryProblem("q has OR without a word after it at position " + or.at);
            }
            if (tokens.get(next).kind == Kind.MINUS) {
                throw new QueryProblem("q has an excluded term as an alternative of OR at position "
                        + tokens.get(next).at + ": exclude it outside the OR");
            }
            SearchQuery alt = primary();
            if (alt != null) {
                any.add(alt);
            }
        }
        if (any.isEmpty()) {
            return null;
        }
        if (excluded && any.size() == 1 && any.get(0) instanceof SearchQuery.All) {
            return any.get(0);
        }
        return any.size() == 1 ? any.get(0) : new SearchQuery.Any(any);
    }

    private SearchQuery primary() {
        if (next >= tokens.size()) {
            throw new QueryProblem("q ends where a word was expected");
        }
        Token t = tokens.get(next++);
        return switch (t.kind) {
            case OPEN -> {
                SearchQuery.All inner = sequence(true);
                if (next >= tokens.size() || tokens.get(next).kind != Kind.CLOSE) {
                    throw new QueryProblem("q has an opening parenthesis without its closing one at position " + t.at);
                }
                next++;
                yield inner.must().size() == 1 && inner.excluded().isEmpty() ? inner.must().get(0) : inner;
            }
            case PHRASE -> phrase(t);
            case WORD -> word(t);
            case MINUS -> throw new QueryProblem("q has two minus signs at position " + t.at);
            case OR -> throw new QueryProblem("q has OR without a word before it at position " + t.at);
            case CLOSE -> throw new QueryProblem("q has a closing parenthesis without an opening one at position "
                    + t.at);
        };
    }

    private SearchQuery phrase(Token t) {
        List<String> words = new ArrayList<>();
        for (String w : t.text.trim().split("\\s+")) {
            if (w.indexOf('*') >= 0) {
                throw new QueryProblem("q has a star inside a phrase at position " + t.at
                        + ": a phrase matches whole words");
            }
            if (hasLetterOrDigit(w)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            throw new QueryProblem("q has an empty phrase at position " + t.at);
        }
        count(t);
        return words.size() == 1 ? new SearchQuery.Word(words.get(0)) : new SearchQuery.Phrase(words);
    }

    private SearchQuery word(Token t) {
        String w = t.text;
        int star = w.indexOf('*');
        if (star >= 0 && star != w.length() - 1) {
            throw new QueryProblem("q has a star inside a word at position " + (t.at + star)
                    + ": a star may only end a word (prefix*)");
        }
        if (star >= 0) {
            String stem = w.substring(0, star);
            if (stem.codePointCount(0, stem.length()) < MIN_PREFIX || !hasLetterOrDigit(stem)) {
                throw new QueryProblem("q has a prefix shorter than " + MIN_PREFIX + " characters at position " + t.at);
            }
            count(t);
            return new SearchQuery.Prefix(stem);
        }
        if (!hasLetterOrDigit(w)) {
            return null;
        }
        count(t);
        return new SearchQuery.Word(w);
    }

    private void count(Token t) {
        if (++parts > MAX_PARTS) {
            throw new QueryProblem("q has too many words: at most " + MAX_PARTS + " (position " + t.at + ")");
        }
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
