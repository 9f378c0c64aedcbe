package org.declass.suggest;

/**
 * What a detector found, with the exemption code it suggests by default. The codes are entries of the exemption
 * code list (V3, V20): personal privacy (FOIA (b)(6), or (b)(7)(C) in a law-enforcement context) for people and their
 * numbers, a confidential human source (25X1) for a name the cable marks PROTECT.
 */
public enum Kind {
    /** A person's name, with the title written before it ("Deputy Director Joseph Camilleri-Vella"). */
    NAME("(b)(6)"),
    PHONE("(b)(6)"),
    EMAIL("(b)(6)"),
    /** A passport, identity card, service or other personal document number. */
    IDENTITY_NUMBER("(b)(6)"),
    /** A name the cable marks as a source to protect ("(PROTECT)", "STRICTLY PROTECT", "25X1"), or the marker alone. */
    SOURCE("25X1");

    private final String defaultCode;

    Kind(String defaultCode) {
        this.defaultCode = defaultCode;
    }

    public String defaultCode() {
        return defaultCode;
    }

    /** Which kind wins when two detections overlap: the more specific one. */
    int priority() {
        return switch (this) {
            case SOURCE -> 5;
            case EMAIL -> 4;
            case IDENTITY_NUMBER -> 3;
            case PHONE -> 2;
            case NAME -> 1;
        };
    }
}
