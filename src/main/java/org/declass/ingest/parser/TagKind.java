package org.declass.ingest.parser;

/** What a TAGS entry names (State's TAGS conventions, 5 FAH-3 H-700). */
public enum TagKind {
    /** A four-letter subject tag: PREL, PGOV, ECON, KDEM, MARR ... */
    SUBJECT,
    /** A country or organisation: IZ, AF, FR, UNSC, EUN, NATO, IAEA ... */
    GEOGRAPHIC,
    /** A program tag: OVIP, OEXC ... */
    PROGRAM,
    /** A person's name: "SARKOZY, NICOLAS" */
    PERSON
}
