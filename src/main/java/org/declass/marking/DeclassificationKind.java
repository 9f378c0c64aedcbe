package org.declass.marking;

/** What a cable's declassification instruction says, as read from its E.O. line. */
public enum DeclassificationKind {
    /** A calendar date: {@code DECL: 11/21/2015}. */
    DATE,
    /** {@code N/A}: the cable is unclassified. */
    NOT_APPLICABLE,
    /** Exemption codes: X1-X8, 25X1-25X9, 50X1-HUM, 50X2-WMD, 75X, MR. */
    EXEMPTION,
    /** {@code OADR} under E.O. 12356. */
    OADR,
    /** An event: {@code DECL: AFTER KOREAN UNIFICATION}. */
    EVENT,
    /** No E.O. line, or one we cannot read. */
    UNKNOWN
}
