package org.declass.ingest.parser;

/** A half-open range [start, end) of characters of the original text. */
public record Segment(SegmentKind kind, int start, int end) {
    public Segment {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad segment " + kind + " " + start + ".." + end);
        }
    }
}
