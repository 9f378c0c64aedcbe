package org.declass.ingest.parser;

import java.time.LocalDate;
import java.util.List;

import org.declass.marking.Declassification;
import org.declass.marking.Finding;
import org.declass.marking.Marking;

/**
 * Everything the parser read from one cable. Offsets are Java {@code char} offsets into the original.
 *
 * @param reference       canonical reference id, e.g. 05DUSHANBE1839 (YY + origin without spaces + serial without zeros)
 * @param origin          the originating post as on the class line, e.g. "DUSHANBE", "TEL AVIV"
 * @param serial          the serial number without leading zeros, e.g. "1839"
 * @param date            the cable date (from caller metadata, else the DTG), or null
 * @param partial         true when the publisher's partial-extract banner is present
 * @param classification  the level and controls of the cable as marked (class line and captions)
 * @param banner          the banner string, e.g. "SECRET//NOFORN"
 * @param sections        the number of sections (1 when there is no "SECTION n OF m")
 * @param captions        captions in order of appearance, de-duplicated (SIPDIS, NOFORN, EXDIS, ...)
 * @param declassification the E.O. line's instruction
 * @param tags            TAGS in order, de-duplicated
 * @param subject         the subject text with its portion mark removed, lines joined by single spaces
 * @param subjectMarking  the subject's own portion mark, or null
 * @param references      REF items, one per item: as written (white space collapsed) and the cables they name
 * @param classifiers     who classified the cable, in order (usually one); empty when no one is named
 * @param reasons         normalised reasons, e.g. ["1.4(b)", "1.4(d)"]
 * @param entireText      the level of an "ENTIRE TEXT" statement, or null
 * @param paragraphs      body portions in order
 * @param findings        what the parser found odd, never the text of a classified passage
 * @param segments        contiguous, non-overlapping segments covering the whole original
 * @param facts           where the markings were found, for the marking validator
 * @param tagKinds        the kind of each of {@code tags}, same order and size
 * @param signers         the names in the signature block
 * @param recipients      the TO addressees of the transmission header ("SECSTATE WASHDC"), empty without one
 * @param infoRecipients  the INFO addressees of the transmission header
 */
public record ParsedCable(
        String reference,
        String origin,
        String serial,
        LocalDate date,
        boolean partial,
        Marking classification,
        String banner,
        int sections,
        List<String> captions,
        Declassification declassification,
        List<String> tags,
        String subject,
        Marking subjectMarking,
        List<Reference> references,
        List<ClassifiedBy> classifiers,
        List<String> reasons,
        Marking entireText,
        List<ParsedParagraph> paragraphs,
        List<Finding> findings,
        List<Segment> segments,
        MarkingFacts facts,
        List<TagKind> tagKinds,
        List<String> signers,
        List<String> recipients,
        List<String> infoRecipients) {

    /** The first classifier, or null. */
    public ClassifiedBy classifiedBy() {
        return classifiers.isEmpty() ? null : classifiers.get(0);
    }

    /** The REF items as written. */
    public List<String> referenceTexts() {
        return references.stream().map(Reference::raw).toList();
    }
}
