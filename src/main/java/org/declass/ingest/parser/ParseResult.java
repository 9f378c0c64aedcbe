package org.declass.ingest.parser;

/** The outcome of parsing a text: a cable (possibly with findings), or a rejection with a clear message. */
public sealed interface ParseResult {

    record Parsed(ParsedCable cable) implements ParseResult {
    }

    /** The text has no cable structure at all. The message says what is missing. */
    record Rejected(String message) implements ParseResult {
    }
}
