package org.declass.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How text becomes index tokens: Unicode word breaks (UAX #29), lower case, accents folded ("Lõuna" = "louna").
 * The index, the queries and the snippets all use this one analyzer, so a snippet marks exactly what matched.
 * Portions are separate values of one field, {@value #PORTION_GAP} positions apart, so a phrase never spans two.
 */
public final class Tokens {

    static final int PORTION_GAP = 100;

    /** A token and where it stands in the text ({@code start} inclusive, {@code end} exclusive). */
    public record Token(String term, int start, int end) {
    }

    public static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream out = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, out);
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return PORTION_GAP;
        }
    };

    private Tokens() {
    }

    /** The tokens of a text with their offsets. */
    public static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = ANALYZER.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The index terms of a typed word or phrase ("E-Mail" gives "e" and "mail"). */
    public static List<String> terms(String text) {
        return of(text).stream().map(Token::term).toList();
    }
}
