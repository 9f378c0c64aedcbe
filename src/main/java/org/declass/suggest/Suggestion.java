package org.declass.suggest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A detection in one paragraph of a cable, as the review shows it: a stable id (derived from the paragraph, the span
 * and the kind, so that the same suggestion keeps its id however often it is computed), where it is, the text it
 * covers, what it is, the suggested code, the confidence and why.
 */
public record Suggestion(String id, int seq, String paragraph, int start, int end, String text, Kind kind,
                         String code, double confidence, String why) {

    /** The length of an id: hexadecimal digits of a SHA-256. */
    public static final int ID_LENGTH = 12;

    /**
     * A paragraph the reader may read, with the spans already redacted in it ({start, end} pairs).
     *
     * @param withheld the paragraph is withheld in full: nothing in it is suggested
     */
    public record Portion(int seq, String address, String text, List<int[]> redacted, boolean withheld) {
    }

    /**
     * The suggestions for these portions: every detection that is not already covered by redactions, not in a
     * paragraph withheld in full, and not rejected before (its {@link #rejectionKey} in {@code rejected}).
     */
    public static List<Suggestion> find(Detectors detectors, List<Portion> portions, Set<String> rejected) {
        List<List<Detection>> found = detectors.find(portions.stream().map(Portion::text).toList());
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < portions.size(); i++) {
            Portion p = portions.get(i);
            if (p.withheld()) {
                continue;
            }
            for (Detection d : found.get(i)) {
                if (covered(d, p.redacted())) {
                    continue;
                }
                String text = p.text().substring(d.start(), d.end());
                if (rejected.contains(rejectionKey(p.seq(), d.kind(), text))) {
                    continue;
                }
                out.add(new Suggestion(id(p.seq(), d), p.seq(), p.address(), d.start(), d.end(), text, d.kind(),
                        d.code(), Math.round(d.confidence() * 100) / 100.0, d.why()));
            }
        }
        return out;
    }

    /** Whether the redactions, together, cover every character of the detection. */
    static boolean covered(Detection d, List<int[]> redacted) {
        int at = d.start();
        boolean moved = true;
        while (at < d.end() && moved) {
            moved = false;
            for (int[] r : redacted) {
                if (r[0] <= at && at < r[1]) {
                    at = r[1];
                    moved = true;
                }
            }
        }
        return at >= d.end();
    }

    /** The stable id: the first {@link #ID_LENGTH} hex digits of SHA-256("seq:start:end:KIND"). */
    static String id(int seq, Detection d) {
        return sha256(seq + ":" + d.start() + ":" + d.end() + ":" + d.kind().name()).substring(0, ID_LENGTH);
    }

    /**
     * What a rejection is remembered by: the paragraph, the kind and the normalised text (white space collapsed,
     * lower case), hashed so that the table holds no copy of the text. The same words of the same kind in the same
     * paragraph are not proposed again, wherever the detectors place them next time.
     */
    public static String rejectionKey(int seq, Kind kind, String text) {
        return sha256(seq + "|" + kind.name() + "|" + Detectors.normalised(text));
    }

    public String rejectionKey() {
        return rejectionKey(seq, kind, text);
    }

    /** Whether a string can be a suggestion id at all (so that anything else answers 400, not 404). */
    public static boolean wellFormedId(String id) {
        return id != null && id.matches("[0-9a-f]{" + ID_LENGTH + "}");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
