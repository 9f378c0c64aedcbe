package org.declass.ingest.parser;

import java.time.LocalDate;

/** Metadata the caller knows about a cable; each part may be null. The caller's values win over the text's. */
public record ParseHints(String reference, LocalDate date) {
    public static final ParseHints NONE = new ParseHints(null, null);
}
