package org.declass.ingest.parser;

import java.util.List;

import org.declass.marking.Declassification;
import org.declass.marking.Finding;
import org.declass.marking.Marking;
import org.declass.marking.Severity;

/**
 * Reads a State Department cable (as published in Cablegate) into a {@link ParsedCable}.
 * <p>
 * Stateless and thread-safe; plain Java. It never throws: a text without any cable structure is
 * {@link ParseResult.Rejected}, everything else is {@link ParseResult.Parsed}, with findings for what was odd.
 * The segments of a parsed cable cover the original text exactly (see {@link #reassemble}).
 */
public final class CableParser {

    public ParseResult parse(String text, ParseHints hints) {
        if (text == null || text.isBlank()) {
            return new ParseResult.Rejected("empty text");
        }
        ParseHints h = hints == null ? ParseHints.NONE : hints;
        try {
            return new CableReader(text, h).read();
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug must never escape: keep the text as one segment and say so
            Finding f = Finding.atLine("P-INTERNAL", Severity.ERROR,
                    "the parser failed on this text (" + e.getClass().getSimpleName() + "); nothing was read", null);
            ParsedCable cable = new ParsedCable(h.reference(), null, null, h.date(), false, Marking.UNCLASSIFIED,
                    Marking.UNCLASSIFIED.banner(), 1, List.of(), Declassification.unknown(), List.of(), null, null,
                    List.of(), null, List.of(), null, List.of(), List.of(f),
                    List.of(new Segment(SegmentKind.OTHER, 0, text.length())), MarkingFacts.NONE, List.of(), List.of(),
                    List.of(), List.of());
            return new ParseResult.Parsed(cable);
        }
    }

    public ParseResult parse(String text) {
        return parse(text, ParseHints.NONE);
    }

    /** Concatenates the original's characters segment by segment; equals the original for a lossless parse. */
    public static String reassemble(String original, List<Segment> segments) {
        StringBuilder sb = new StringBuilder(original.length());
        for (Segment s : segments) {
            sb.append(original, s.start(), s.end());
        }
        return sb.toString();
    }

    /** True when the segments are in order, contiguous, non-overlapping and cover [0, original.length()). */
    public static boolean coversExactly(String original, List<Segment> segments) {
        int pos = 0;
        for (Segment s : segments) {
            if (s.start() != pos || s.end() < s.start()) {
                return false;
            }
            pos = s.end();
        }
        return pos == original.length();
    }
}
