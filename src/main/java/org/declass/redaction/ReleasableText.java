package org.declass.redaction;

import java.util.List;

/** A paragraph as it would be released: kept text and placeholders, in order. */
public record ReleasableText(List<Segment> segments) {

    /** One piece of the releasable text. */
    public sealed interface Segment permits Kept, Hidden {
        /** What the public sees for this piece. */
        String shown();
    }

    /** Text released as written. */
    public record Kept(String text) implements Segment {
        @Override
        public String shown() {
            return text;
        }
    }

    /** Text hidden behind a placeholder that depends on the codes only, never on the hidden text or its length. */
    public record Hidden(List<String> codes, String placeholder, boolean wholeParagraph) implements Segment {
        @Override
        public String shown() {
            return placeholder;
        }
    }

    public ReleasableText {
        segments = List.copyOf(segments);
    }

    /** The released text as one string. */
    public String plain() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            sb.append(s.shown());
        }
        return sb.toString();
    }

    public boolean withheldInFull() {
        return segments.size() == 1 && segments.get(0) instanceof Hidden h && h.wholeParagraph();
    }
}
