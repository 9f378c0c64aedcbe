package org.declass.ingest.parser;

/** What a run of characters in the original cable is. Every character belongs to exactly one segment. */
public enum SegmentKind {
    /** Publisher wrapper: the partial-extract banner, media-partner date lines. */
    WRAPPER,
    /** ACP-127 / ACP-126 transmission header: VZCZC, routing, DE, ZNY, DTG, FM, TO, INFO, PAGE 01 print lines. */
    TRANSMISSION,
    /** The classification line, e.g. "C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000195". */
    CLASS_LINE,
    CORRECTION,
    CAPTION,
    ADDRESSEE,
    EO_LINE,
    TAGS,
    SUBJECT,
    REF,
    /** Classification authority block: CLASSIFIED BY ... REASON ... */
    CAB,
    /** A numbered or unnumbered body paragraph, including its number and portion mark. */
    PARAGRAPH,
    /** An unnumbered, unmarked heading line in the body. */
    HEADING,
    /** "ENTIRE TEXT" statement. */
    ENTIRE_TEXT,
    /** Page and section breaks inside the text: "BERN 00000881  002 OF 002", "PAGE 02 ...", repeated headers. */
    PAGE_BREAK,
    SIGNATURE,
    BOTTOM_CLASS,
    END_OF_MESSAGE,
    DECLASSIFICATION_STAMP,
    /** Blank lines and white space between other segments. */
    BLANK,
    /** Anything the parser kept but did not recognise. */
    OTHER
}
