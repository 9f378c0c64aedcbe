package org.declass.cable;

import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a cable's header that are portions (issue 14, part 3): each has a marking (its own mark, else the
 * cable's) and can be released, withheld in full or redacted by span, like a paragraph. {@link #address()} is how
 * the review API names it wherever a paragraph address is accepted.
 */
public enum HeaderPart {
    SUBJECT("subject"),
    REF("ref"),
    /** The CLASSIFIED BY line and the REASON line: one portion, two lines. */
    CLASSIFIED_BY("classified-by"),
    TAGS("tags");

    private final String address;

    HeaderPart(String address) {
        this.address = address;
    }

    public String address() {
        return address;
    }

    /** The part an address names ("subject", "REF", "classified-by", "tags"), or empty for a paragraph address. */
    public static Optional<HeaderPart> byAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        for (HeaderPart p : values()) {
            if (p.address.equals(a)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
