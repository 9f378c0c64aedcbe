package org.declass.marking;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A cable's effective release date and how it was derived.
 *
 * @param date       the first day on which the cable may be released; null when never automatically (an event
 *                   nobody has recorded)
 * @param basis      the rule that gave the date
 * @param derivation one line for people, e.g. "X1, X6: 25 years after the origin date 2001-06-19"
 */
public record ReleaseDate(LocalDate date, ReleaseBasis basis, String derivation) {
    public ReleaseDate {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(derivation, "derivation");
        if (basis.hasDate() != (date != null)) {
            throw new IllegalArgumentException("basis " + basis + (date == null ? " needs a date" : " has no date"));
        }
    }

    /** Due on {@code today}: the date has come (release happens on the declassification date, not after it). */
    public boolean isDueOn(LocalDate today) {
        return date != null && !date.isAfter(today);
    }
}
