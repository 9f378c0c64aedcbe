package org.declass.ingest.parser;

import java.time.LocalDate;

import org.declass.cableid.CableIds;

/**
 * Metadata the caller knows about a cable; each part may be null. The caller's values win over the text's. A
 * reference that reads as a cable id is kept in its canonical form ("05RIO123" is stored as "05RIODEJANEIRO123"),
 * so that the same cable has one id however its caller wrote it.
 */
public record ParseHints(String reference, LocalDate date) {
    public static final ParseHints NONE = new ParseHints(null, null);

    public ParseHints {
        if (reference != null) {
            reference = CableIds.canonical(reference).orElse(reference);
        }
    }
}
