package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.declass.marking.CableMarkings;
import org.declass.marking.ClassificationLevel;
import org.junit.jupiter.api.Test;

/** The facts the parser exposes for the marking validator, read from invented cables. */
class MarkingFactsTest {

    private static final String FLASH = """
            VZCZCXRO0001
            ZZ RUEHVT
            DE RUEHC #8802 0571940
            ZNY TTTTT ZZH
            Z 261940Z FEB 09
            FM SECSTATE WASHDC
            TO RUEHVT/AMEMBASSY VALLETTA FLASH 3108

            T O P S E C R E T STATE 018802

            NODIS

            E.O. 12958: DECL: 02/26/2034
            TAGS: PREL MT
            SUBJECT: INVENTED INSTRUCTIONS FOR A TEST

            Classified By: Under Secretary Jane Example, reasons 1.4
            (a), (c) and (d).

            1. (U) An invented paragraph.

            2. (TS) Another invented paragraph.
            """;

    private static final String TWO_SECTIONS = """
            VZCZCXYZ0123
            PP RUEHC
            DE RUEHRK #0195/01 2531700
            ZNY CCCCC ZZH
            P R 091700Z SEP 08
            FM AMEMBASSY REYKJAVIK
            TO RUEHC/SECSTATE WASHDC PRIORITY 3787

            C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000195

            SIPDIS

            E.O. 12958: DECL: 09/09/2018
            TAGS: PREL IC
            SUBJECT: AN INVENTED SUBJECT

            Classified By: Ambassador John Example for reasons 1.4 (b) and (d)

            1. (C) An invented paragraph that runs on
            for a second line.

            S E C R E T SECTION 02 OF 02 REYKJAVIK 000195

            SIPDIS

            E.O. 12958: DECL: 09/09/2018
            TAGS: PREL IC
            SUBJECT: AN INVENTED SUBJECT

            2. (C) A second invented paragraph.

            EXAMPLE
            SECRET
            """;

    private static ParsedCable parse(String text) {
        return ((ParseResult.Parsed) new CableParser().parse(text)).cable();
    }

    @Test
    void aFlashDtgWithPrecedenceLetterZGivesTheCableDateAndReferenceYear() {
        ParsedCable c = parse(FLASH);
        assertThat(c.date()).isEqualTo(LocalDate.of(2009, 2, 26));
        assertThat(c.reference()).isEqualTo("09STATE18802");
        assertThat(c.facts().dtgYear()).isEqualTo(2009);
    }

    @Test
    void aTwoLetterPrecedenceWithoutSpaceIsADtgToo() {
        ParsedCable c = parse(FLASH.replace("Z 261940Z FEB 09", "ZZ 261940Z FEB 09"));
        assertThat(c.date()).isEqualTo(LocalDate.of(2009, 2, 26));
    }

    @Test
    void transmissionLevelAndStationSerialAreRead() {
        ParsedCable c = parse(FLASH);
        assertThat(c.facts().transmissionLevel()).isEqualTo(ClassificationLevel.TOP_SECRET);
        assertThat(c.facts().stationSerial()).isEqualTo("8802");
        assertThat(c.facts().authorityBlock()).isTrue();
        assertThat(c.facts().cabLine()).isEqualTo(17);
        assertThat(c.facts().eoLine()).isEqualTo(13);
    }

    @Test
    void everySectionsClassLineAndTheBottomLineAreKeptWithTheirLines() {
        ParsedCable c = parse(TWO_SECTIONS);
        assertThat(c.facts().classLines()).containsExactly(
                new CableMarkings.ClassLine(9, 1, ClassificationLevel.CONFIDENTIAL, "REYKJAVIK", "195"),
                new CableMarkings.ClassLine(22, 2, ClassificationLevel.SECRET, "REYKJAVIK", "195"));
        assertThat(c.facts().bottomClass()).isEqualTo(new CableMarkings.BottomClass(33, ClassificationLevel.SECRET));
        assertThat(c.facts().paragraphLines()).containsExactly(19, 30);
        assertThat(c.facts().stationSerial()).isEqualTo("195");
        assertThat(CableParser.coversExactly(TWO_SECTIONS, c.segments())).isTrue();
    }

    @Test
    void aReasonListWrappedOntoTheNextLineStaysInTheAuthorityBlock() {
        ParsedCable c = parse(FLASH);
        assertThat(c.reasons()).containsExactly("1.4(a)", "1.4(c)", "1.4(d)");
        assertThat(c.paragraphs().get(0).number()).isEqualTo(1);
    }

    @Test
    void aMisspelledClassifiedByIsStillTheAuthorityBlock() {
        ParsedCable c = parse(FLASH.replace("Classified By:", "Classfied By:"));
        assertThat(c.facts().authorityBlock()).isTrue();
        assertThat(c.classifiedBy()).isNotNull();
    }
}
