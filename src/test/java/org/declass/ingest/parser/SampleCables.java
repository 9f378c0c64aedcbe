package org.declass.ingest.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the invented sample cables from src/test/resources/cables. */
final class SampleCables {
    static final String[] ALL = {"canonical", "multisection", "partial-acp126", "sentence-case", "nineties", "xcode",
        "unclas-sbu", "flattened", "typos", "no-class-line", "redacted"};

    /** The routing header, class line and caption of an invented confidential cable, up to its E.O. line. */
    static final String LAKEVIEW_HEAD = """
            VZCZCXRO4411
            PP RUEHAG
            DE RUEHLV #0417/01 1581230
            ZNY CCCCC ZZH
            P 061230Z JUN 08
            FM AMEMBASSY LAKEVIEW
            TO RUEHC/SECSTATE WASHDC PRIORITY 2231

            C O N F I D E N T I A L LAKEVIEW 000417

            SIPDIS

            """;

    private SampleCables() {
    }

    /** Parses a text that must be a cable and reassemble byte-exact from its segments. */
    static ParsedCable parseLossless(String text) {
        ParseResult r = new CableParser().parse(text, ParseHints.NONE);
        if (!(r instanceof ParseResult.Parsed p)) {
            throw new AssertionError("rejected: " + ((ParseResult.Rejected) r).message());
        }
        if (!CableParser.reassemble(text, p.cable().segments()).equals(text)) {
            throw new AssertionError("the segments do not reassemble the text");
        }
        return p.cable();
    }

    static String load(String name) {
        try (InputStream in = SampleCables.class.getResourceAsStream("/cables/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedCable parse(String name) {
        return parse(name, ParseHints.NONE);
    }

    static ParsedCable parse(String name, ParseHints hints) {
        ParseResult r = new CableParser().parse(load(name), hints);
        if (r instanceof ParseResult.Parsed p) {
            return p.cable();
        }
        throw new AssertionError(name + " was rejected: " + ((ParseResult.Rejected) r).message());
    }
}
