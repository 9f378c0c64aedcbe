package org.declass.marking;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A declassification instruction.
 *
 * @param raw        the instruction as written after the order number (e.g. "DECL: 11/21/2015"), or null
 * @param kind       what kind of instruction it is
 * @param order      the executive order cited ("12958", "13526", "12356", ...), or null
 * @param date       the DECL date, when the instruction has one
 * @param exemptions exemption codes, normalised upper case (X1, 25X6, 50X1-HUM, MR, ...)
 * @param event      the event text, for kind EVENT
 */
public record Declassification(String raw, DeclassificationKind kind, String order, LocalDate date,
                               List<String> exemptions, String event) {
    public Declassification {
        Objects.requireNonNull(kind, "kind");
        exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
    }

    public static Declassification unknown() {
        return new Declassification(null, DeclassificationKind.UNKNOWN, null, null, List.of(), null);
    }
}
