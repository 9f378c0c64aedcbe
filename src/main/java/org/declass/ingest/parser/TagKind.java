package org.declass.ingest.parser;

/** What a TAGS entry names (State's TAGS conventions, 5 FAH-3); the rules are in {@link Tags}. */
public enum TagKind {
    /** A four-letter subject tag whose first letter is its category: PREL, PGOV, ECON, MARR, ASEC, OVIP ... */
    SUBJECT,
    /** A country, region or organisation: IZ, AF, FR, XA, UNSC, EUN, NATO, IAEA ... */
    GEOGRAPHIC,
    /** A program tag, K and three letters: KDEM, KPAO, KCRM, KNNP ... */
    PROGRAM,
    /** A person's name: "SARKOZY, NICOLAS" */
    PERSON
}
