package org.declass.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.declass.cable.Cable;
import org.declass.cable.Paragraph;
import org.declass.ingest.parser.CableParser;
import org.declass.ingest.parser.ParseResult;
import org.declass.ingest.parser.ParsedCable;
import org.declass.marking.ClassificationLevel;
import org.declass.marking.Finding;
import org.declass.marking.Marking;
import org.declass.marking.MarkingValidator;
import org.junit.jupiter.api.Test;

/**
 * The overall marking a cable is stored with carries NOFORN when a portion does, although no NOFORN caption is
 * written (BRIEF 6.2: a banner carries the controls of its portions); the marking rules still read the marking as
 * written and say that the banner lacks NOFORN.
 */
class PortionNofornTest {

    /** A CONFIDENTIAL cable without a NOFORN caption; {@code %s}: subject mark, then the marks of paragraphs 1-3. */
    static String cable(String subjectMark, String p1, String p2, String p3) {
        return """
                VZCZCXRO5521
                RR RUEHWEB
                DE RUEHLJ #0552 1401120
                ZNY CCCCC ZZH
                R 201120Z MAY 09
                FM AMEMBASSY LJUBLJANA
                TO RUEHC/SECSTATE WASHDC 3301

                C O N F I D E N T I A L LJUBLJANA 000552

                SIPDIS

                E.O. 12958: DECL: 05/20/2019
                TAGS: PREL PGOV SI
                SUBJECT: %1$sSLOVENIA: INVENTED RAILWAY BRIDGE TENDER

                Classified By: DCM Peter R. Invented, reasons 1.4 (b) and (d)

                1. %2$s The invented bridge tender drew two bidders.

                2. %3$s A contact said one bid was withdrawn under pressure.

                3. %4$s Embassy will follow up.

                INVENTED
                """.formatted(subjectMark, p1, p2, p3);
    }

    private static ParsedCable parse(String text) {
        return ((ParseResult.Parsed) new CableParser().parse(text)).cable();
    }

    private static Cable stored(ParsedCable p) {
        return IngestService.cableOf(p, "0".repeat(64), 1000, "test", Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void everyPortionAndTheSubjectNofornWithoutACaptionIsStoredNofornAndStillFlagged() {
        ParsedCable p = parse(cable("(C//NF) ", "(C//NF)", "(C//NF)", "(C//NF)"));
        // the marking as written: no caption, no NOFORN
        assertThat(p.classification()).isEqualTo(Marking.of(ClassificationLevel.CONFIDENTIAL));

        Cable c = stored(p);
        assertThat(c.getClassification().controls()).containsExactly(Marking.NOFORN);
        assertThat(c.getBanner()).isEqualTo("CONFIDENTIAL//NOFORN");
        assertThat(c.getLevel()).isEqualTo(ClassificationLevel.CONFIDENTIAL);
        assertThat(c.isForeignRestricted()).isTrue();
        assertThat(c.isSubjectForeignRestricted()).isTrue();
        assertThat(c.isCableWideNoforn()).as("no caption was written").isFalse();

        assertThat(new MarkingValidator().validate(MarkingInput.of(p, LocalDate.of(2024, 1, 1))))
                .extracting(Finding::code).contains("R-CTL-1");
    }

    @Test
    void oneNofornPortionIsEnoughAndAnUnmarkedSubjectCarriesTheStoredMarking() {
        Cable c = stored(parse(cable("", "(C)", "(C//NF)", "(U)")));
        assertThat(c.isForeignRestricted()).isTrue();
        assertThat(c.isSubjectForeignRestricted()).isTrue();
        // the portions keep their own marks: only the NOFORN one is restricted
        assertThat(c.getParagraphs()).extracting(Paragraph::isForeignRestricted).containsExactly(false, true, false);
    }

    @Test
    void anUnmarkedParagraphCarriesTheStoredMarking() {
        Cable c = stored(parse(cable("(C) ", "(C//NF)", "(C)", "")));
        assertThat(c.getParagraphs()).extracting(Paragraph::isForeignRestricted).containsExactly(true, false, true);
    }

    @Test
    void anExdisOrNodisPortionIsCarriedAsNoforn() {
        for (String mark : new String[] {"(C//XD)", "(C//NODIS)"}) {
            ParsedCable p = parse(cable("(C) ", "(C)", mark, "(C)"));
            Cable c = stored(p);
            assertThat(c.getClassification().controls()).as(mark).containsExactly(Marking.NOFORN);
            assertThat(c.isForeignRestricted()).as(mark).isTrue();
        }
    }

    @Test
    void aCableWithoutForeignRestrictedPortionsKeepsItsWrittenMarking() {
        Cable c = stored(parse(cable("(C) ", "(C)", "(U)", "(C)")));
        assertThat(c.getBanner()).isEqualTo("CONFIDENTIAL");
        assertThat(c.isForeignRestricted()).isFalse();
        assertThat(c.isSubjectForeignRestricted()).isFalse();
    }

    @Test
    void aNofornCaptionIsStoredAsBefore() {
        Cable c = stored(parse(cable("(C) ", "(C)", "(C//NF)", "(C)").replace("SIPDIS", "NOFORN\nSIPDIS")));
        assertThat(c.getBanner()).isEqualTo("CONFIDENTIAL//NOFORN");
        assertThat(c.isCableWideNoforn()).isTrue();
        assertThat(c.getParagraphs()).extracting(Paragraph::isForeignRestricted).containsExactly(true, true, true);
    }
}
