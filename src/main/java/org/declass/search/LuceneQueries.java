package org.declass.search;

import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** A parsed {@link SearchQuery} as a Lucene query over one text field, through {@link Tokens}. */
final class LuceneQueries {

    private LuceneQueries() {
    }

    static Query of(SearchQuery q, String field) {
        if (q instanceof SearchQuery.Word w) {
            return words(field, Tokens.terms(w.text()));
        }
        if (q instanceof SearchQuery.Phrase p) {
            return words(field, Tokens.terms(String.join(" ", p.words())));
        }
        if (q instanceof SearchQuery.Prefix p) {
            List<String> terms = Tokens.terms(p.stem());
            if (terms.isEmpty()) {
                return new MatchNoDocsQuery("no word in " + p.stem());
            }
            Query prefix = new PrefixQuery(new Term(field, terms.get(terms.size() - 1)));
            if (terms.size() == 1) {
                return prefix;
            }
            // "e-ma*": the phrase of the leading words, and a word beginning with the last
            return new BooleanQuery.Builder().add(words(field, terms.subList(0, terms.size() - 1)), Occur.MUST)
                    .add(prefix, Occur.MUST).build();
        }
        if (q instanceof SearchQuery.Any any) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
            any.alternatives().forEach(a -> b.add(of(a, field), Occur.SHOULD));
            return b.build();
        }
        SearchQuery.All all = (SearchQuery.All) q;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        all.must().forEach(m -> b.add(of(m, field), Occur.MUST));
        all.excluded().forEach(x -> b.add(of(x, field), Occur.MUST_NOT));
        return b.build();
    }

    /** One token: a term; several (a word with a hyphen, a phrase): the tokens one after the other. */
    private static Query words(String field, List<String> terms) {
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("no word");
        }
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        return new PhraseQuery(field, terms.toArray(String[]::new));
    }
}
