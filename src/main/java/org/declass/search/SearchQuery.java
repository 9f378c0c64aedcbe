package org.declass.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed query (see {@link QueryParser}): what a search looks for, independent of any engine. Words are as typed;
 * the engine and the snippets break them into the index's tokens the same way.
 */
public sealed interface SearchQuery {

    /** A word that must occur. */
    record Word(String text) implements SearchQuery {
    }

    /** A word beginning with {@code stem} ({@code stem*}). */
    record Prefix(String stem) implements SearchQuery {
    }

    /** Words that must occur one after the other in one portion ({@code "exact phrase"}). */
    record Phrase(List<String> words) implements SearchQuery {
        public Phrase {
            words = List.copyOf(words);
        }
    }

    /** Every one of {@code must}, and none of {@code excluded} ({@code a b -c}). */
    record All(List<SearchQuery> must, List<SearchQuery> excluded) implements SearchQuery {
        public All {
            must = List.copyOf(must);
            excluded = List.copyOf(excluded);
        }
    }

    /** At least one of the alternatives ({@code a OR b}). */
    record Any(List<SearchQuery> alternatives) implements SearchQuery {
        public Any {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** The parts a matching text shows (words, prefixes, phrases), never the excluded ones: what a snippet marks. */
    default List<SearchQuery> shown() {
        List<SearchQuery> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(SearchQuery q, List<SearchQuery> out) {
        if (q instanceof All all) {
            all.must().forEach(m -> collect(m, out));
        } else if (q instanceof Any any) {
            any.alternatives().forEach(a -> collect(a, out));
        } else {
            out.add(q);
        }
    }
}
