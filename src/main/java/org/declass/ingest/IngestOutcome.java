package org.declass.ingest;

import org.declass.cable.Cable;

/** What ingesting one text did: stored a new cable, or found the same text already stored. */
public record IngestOutcome(Long cableId, String reference, boolean created) {
    static IngestOutcome created(Cable c) {
        return new IngestOutcome(c.getId(), c.getReference(), true);
    }

    static IngestOutcome existing(Cable c) {
        return new IngestOutcome(c.getId(), c.getReference(), false);
    }
}
