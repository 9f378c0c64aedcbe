package org.declass.related;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.declass.search.Tokens;

/**
 * What makes two bodies the same, nearly the same, or share a passage. Pure: text in, fingerprint out.
 * <ul>
 * <li>Words: the search index's own ({@link Tokens#terms}: Unicode word breaks, lower case, accents folded), so that case, spacing, line
 * breaks and punctuation never tell two texts apart.</li>
 * <li>The body: every paragraph's words in order, hashed (SHA-256): equal hashes are duplicates, such as a
 * retransmission under another header.</li>
 * <li>Near-duplicates: the body's 4-word shingles, MinHashed ({@link MinHashFilter}, Lucene's, one hash into
 * {@value #BUCKETS} buckets with rotation), compared position by position: the share of equal values estimates the
 * Jaccard similarity of the two shingle sets. Banded ({@value #BANDS} bands of {@value #ROWS}) for lookup.</li>
 * <li>Passages: each paragraph of at least {@value #PASSAGE_WORDS} words, hashed: the same hash in two cables is a
 * quoted (or repeated) passage.</li>
 * </ul>
 */
public final class Fingerprints {

    static final int BUCKETS = 128;
    static final int BANDS = 32;
    static final int ROWS = BUCKETS / BANDS;
    static final int SHINGLE = 4;
    /** A passage shorter than this is too common ("Embassy will report septel.") to say one cable quotes another. */
    static final int PASSAGE_WORDS = 8;
    /**
     * Near-duplicate from this estimated Jaccard similarity of 4-word shingles. Changing one word in twenty changes
     * about one shingle in five (each word is in four shingles), which leaves about 0.67; a different cable on the same
     * subject shares almost no 4-word run and stays under 0.1. 0.5 keeps small edits and truncations, leaves topics.
     */
    public static final double NEAR = 0.5;

    private static final Analyzer MINHASH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            ShingleFilter shingles = new ShingleFilter(new ASCIIFoldingFilter(new LowerCaseFilter(source)), SHINGLE,
                    SHINGLE);
            shingles.setOutputUnigrams(false);
            shingles.setOutputUnigramsIfNoShingles(true);
            return new TokenStreamComponents(source, new MinHashFilter(shingles, 1, BUCKETS, 1, true));
        }
    };

    /** One paragraph's passage: its place in the cable (seq), its hash and its length in words. */
    public record Passage(int seq, String hash, int words) {
    }

    /** A body's fingerprint. {@code minhash} is empty for a body without words. */
    public record Fingerprint(String bodyHash, int words, int[] minhash, List<Passage> passages) {

        /** The band keys of the MinHash values, one per band (empty without words). */
        public long[] bands() {
            if (minhash.length != BUCKETS) {
                return new long[0];
            }
            long[] out = new long[BANDS];
            for (int b = 0; b < BANDS; b++) {
                long h = 1125899906842597L + b;
                for (int r = 0; r < ROWS; r++) {
                    h = 31 * h + minhash[b * ROWS + r];
                }
                out[b] = h;
            }
            return out;
        }
    }

    private Fingerprints() {
    }

    /** The fingerprint of a body given as its paragraphs' texts in order; {@code seqs} are their places. */
    public static Fingerprint of(List<Integer> seqs, List<String> paragraphs) {
        StringBuilder body = new StringBuilder();
        int words = 0;
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            List<String> w = words(paragraphs.get(i));
            if (w.isEmpty()) {
                continue;
            }
            String normal = String.join(" ", w);
            words += w.size();
            if (w.size() >= PASSAGE_WORDS) {
                passages.add(new Passage(seqs.get(i), DigestUtils.sha256Hex(normal), w.size()));
            }
            body.append(normal).append('\n');
        }
        int[] minhash = words == 0 ? new int[0] : minhash(body.toString());
        return new Fingerprint(DigestUtils.sha256Hex(body.toString()), words, minhash, List.copyOf(passages));
    }

    /** The estimated Jaccard similarity of two bodies' 4-word shingles: the share of equal MinHash values. */
    public static double similarity(int[] a, int[] b) {
        if (a.length != BUCKETS || b.length != BUCKETS) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) BUCKETS;
    }

    /** The MinHash values as stored: eight hex digits each. */
    public static String encode(int[] minhash) {
        StringBuilder out = new StringBuilder(minhash.length * 8);
        for (int v : minhash) {
            out.append(String.format("%08x", v));
        }
        return out.toString();
    }

    public static int[] decode(String stored) {
        if (stored == null || stored.length() != BUCKETS * 8) {
            return new int[0];
        }
        int[] out = new int[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            out[i] = Integer.parseUnsignedInt(stored, i * 8, i * 8 + 8, 16);
        }
        return out;
    }

    /** The words of a text as the search index reads them ({@link Tokens#terms}: one rule for both). */
    static List<String> words(String text) {
        return text == null || text.isEmpty() ? new ArrayList<>() : Tokens.terms(text);
    }

    private static int[] minhash(String body) {
        int[] out = new int[BUCKETS];
        int n = 0;
        try (TokenStream ts = MINHASH.tokenStream("m", new StringReader(body))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && n < BUCKETS) {
                out[n++] = term.toString().hashCode();
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n == BUCKETS ? out : java.util.Arrays.copyOf(out, n);
    }
}
