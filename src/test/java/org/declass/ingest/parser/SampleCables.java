package org.declass.ingest.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the invented sample cables from src/test/resources/cables. */
final class SampleCables {
    static final String[] ALL = {"canonical", "multisection", "partial-acp126", "sentence-case", "nineties", "xcode",
        "unclas-sbu", "flattened", "typos", "no-class-line", "redacted"};

    private SampleCables() {
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
