package org.declass.redaction;

import java.util.Locale;
import java.util.Optional;

/**
 * Who a rendering of a cable is for. One rendering pipeline serves them all; the access policy and the review's
 * decisions decide what each may see.
 */
public enum Audience {
    /** Released cables only (and the approver's preview of what will be released): redactions applied. */
    PUBLIC,
    /** Any signed-in user: portions above their clearance, or NOFORN without eligibility, are placeholders. */
    CLEARED,
    /** A reviewer: the text they are cleared for, with the proposed redactions highlighted, not applied. */
    REVIEWER;

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Audience> fromParameter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Audience a : values()) {
            if (a.parameter().equalsIgnoreCase(value.trim())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
