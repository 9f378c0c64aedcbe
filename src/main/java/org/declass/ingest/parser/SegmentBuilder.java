package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects segments in order. Adjacent ranges of the same kind and group are merged; any gap is filled with
 * {@link SegmentKind#OTHER} so that the result always covers the text without holes or overlaps.
 */
final class SegmentBuilder {
    private final List<Segment> out = new ArrayList<>();
    private SegmentKind kind;
    private int start;
    private int end;
    private int group;

    /** Adds [s, e) as {@code k}. Ranges must come in order; overlapping parts are cut off. */
    void add(SegmentKind k, int s, int e, int g) {
        if (e <= s) {
            return;
        }
        if (kind != null) {
            if (s < end) {
                s = end;
                if (e <= s) {
                    return;
                }
            }
            if (s > end) {
                flush();
                kind = SegmentKind.OTHER;
                start = end;
                end = s;
                group = -1;
            }
            if (k == kind && g == group) {
                end = e;
                return;
            }
            flush();
        } else if (s > 0) {
            kind = SegmentKind.OTHER;
            start = 0;
            end = s;
            group = -1;
            flush();
        }
        kind = k;
        start = s;
        end = e;
        group = g;
    }

    void add(SegmentKind k, int s, int e) {
        add(k, s, e, 0);
    }

    private void flush() {
        if (kind != null && end > start) {
            out.add(new Segment(kind, start, end));
        }
        kind = null;
    }

    List<Segment> finish(int length) {
        if (kind == null && out.isEmpty() && length > 0) {
            out.add(new Segment(SegmentKind.OTHER, 0, length));
            return out;
        }
        if (kind != null && end < length) {
            int e = end;
            flush();
            out.add(new Segment(SegmentKind.OTHER, e, length));
        } else {
            flush();
            if (!out.isEmpty() && out.get(out.size() - 1).end() < length) {
                out.add(new Segment(SegmentKind.OTHER, out.get(out.size() - 1).end(), length));
            }
        }
        return out;
    }
}
