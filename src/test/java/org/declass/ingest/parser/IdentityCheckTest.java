package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.declass.marking.Finding;
import org.declass.marking.Severity;
import org.junit.jupiter.api.Test;

/** A file whose routing header belongs to one cable and whose text to another (invented cables, real format). */
class IdentityCheckTest {

    /** An ACP-127 routing header, then a text; {@code %s}: FM post, DE serial, class line post, class line serial. */
    static String cable(String fmPost, String deSerial, String classPost, String classSerial) {
        return """
                VZCZCXRO4471
                RR RUEHWEB
                DE RUEHVL #%2$s/01 2511527
                ZNY CCCCC ZZH
                R 081527Z SEP 09
                FM %1$s
                TO RUEHC/SECSTATE WASHDC 4410

                C O N F I D E N T I A L SECTION 01 OF 02 %3$s %4$s

                SIPDIS

                E.O. 12958: DECL: 09/08/2019
                TAGS: PREL PGOV
                SUBJECT: INVENTED FISHERIES TALKS RESUME

                Classified By: Ambassador Mary T. Invent, reasons 1.4 (b) and (d)

                1. (C) The invented fisheries commission met again on Monday.

                INVENT
                """.formatted(fmPost, deSerial, classPost, classSerial);
    }

    /** A partial extract with an ACP-126 header: the PAGE 01 line names post (cut) and serial. */
    static String partial(String pagePost, String pageSerial, String fmPost, String classPost, String classSerial) {
        return """
                This record is a partial extract of the original cable. The full text of the original cable is not available.

                121530Z Mar 01


                                           CONFIDENTIAL     PTQ4471

                PAGE 01        %1$s  %2$s  01 OF 02  121530Z
                ACTION EUR-00

                INFO  LOG-00   NP-00    AID-00
                                  ------------------A54E38  121531Z /38
                FM %3$s
                TO SECSTATE WASHDC IMMEDIATE 7738

                Monday, 12 March 2001, 15:29
                C O N F I D E N T I A L SECTION 01 OF 02 %4$s %5$s
                SIPDIS
                EO 12958 DECL: 03/12/11
                TAGS PGOV, PREL
                SUBJECT: INVENTED HARBOR DUES DISPUTE
                CLASSIFIED BY AMBASSADOR JOHN Q. SAMPLE FOR REASONS 1.5 (B) AND (D).
                1. (C) THE INVENTED HARBOR BOARD RAISED ITS DUES.
                """.formatted(pagePost, pageSerial, fmPost, classPost, classSerial);
    }

    private static List<Finding> mixed(String text) {
        ParsedCable c = ((ParseResult.Parsed) new CableParser().parse(text)).cable();
        return c.findings().stream().filter(f -> f.code().equals(IdentityCheck.CODE)).toList();
    }

    @Test
    void aRoutingHeaderOfAnotherPostAndSerialIsAnErrorNamingBothCables() {
        List<Finding> found = mixed(cable("AMEMBASSY VALLETTA", "0412", "REYKJAVIK", "000187"));
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("412", "AMEMBASSY VALLETTA", "187", "REYKJAVIK");
        assertThat(f.line()).isEqualTo(9);
    }

    @Test
    void aRoutingHeaderOfTheSameCableIsNoFinding() {
        assertThat(mixed(cable("AMEMBASSY VALLETTA", "0412", "VALLETTA", "000412"))).isEmpty();
    }

    @Test
    void theStationSerialCarriesTheLastFourDigitsOfALongSerial() {
        assertThat(mixed(cable("SECSTATE WASHDC", "3812", "STATE", "063812"))).isEmpty();
    }

    @Test
    void theFmLineNamesThePostWithItsKindOrItsMission() {
        assertThat(mixed(cable("USMISSION UNVIE VIENNA", "0077", "UNVIE VIENNA", "000077"))).isEmpty();
        assertThat(mixed(cable("IRAN RPO DUBAI", "0013", "RPO DUBAI", "000013"))).isEmpty();
        assertThat(mixed(cable("AMCONSUL HO CHI MINH CITY", "0205", "HO CHI MINH CITY", "000205"))).isEmpty();
    }

    @Test
    void aRelayedCableWithTheRelaysSerialButItsOwnPostIsNoFinding() {
        assertThat(mixed(cable("AMCONSUL ADANA", "0950", "ADANA", "000031"))).isEmpty();
    }

    @Test
    void anotherPostWithTheSameSerialIsNoFinding() {
        assertThat(mixed(cable("AMEMBASSY VIENNA", "0412", "USEU BRUSSELS", "000412"))).isEmpty();
    }

    @Test
    void aRedactedPostOnTheClassLineLeavesNothingToCompare() {
        assertThat(mixed(cable("AMCONSUL SHENYANG", "0004", "XXXXXXXXXXXX", "000009"))).isEmpty();
    }

    @Test
    void aPartialExtractIsCheckedOnItsPageOneLine() {
        assertThat(mixed(partial("VATICA", "03507", "AMEMBASSY VATICAN", "VATICAN", "003507"))).isEmpty();
        List<Finding> found = mixed(partial("TIRANA", "00881", "AMEMBASSY TIRANA", "SKOPJE", "000264"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).contains("881", "AMEMBASSY TIRANA", "264", "SKOPJE");
    }

    private static ParsedCable parsed(String text) {
        return ((ParseResult.Parsed) new CableParser().parse(text)).cable();
    }

    @Test
    void aCableWithoutClassLineTakesItsIdFromTheFmPostAndTheDeSerialAndSaysSo() {
        String text = cable("AMEMBASSY SAN SALVADOR", "0789", "X", "Y")
                .replaceAll("(?m)^C O N F I D E N T I A L SECTION 01 OF 02 X Y\n", "");
        ParsedCable c = parsed(text);

        assertThat(c.reference()).isEqualTo("09SANSALVADOR789");
        assertThat(c.origin()).isEqualTo("SANSALVADOR");
        assertThat(c.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("P-REFERENCE-FROM-ROUTING");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("last four digits");
        });
        assertThat(c.findings()).noneMatch(f -> f.code().equals("P-NO-REFERENCE"));
    }

    @Test
    void aRedactedPostOnTheClassLineIsReadFromTheFmLineWithTheClassLinesSerial() {
        ParsedCable c = parsed(cable("AMCONSUL VLADIVOSTOK", "0004", "XXXXXXXXXXXX", "000004"));

        assertThat(c.reference()).isEqualTo("09VLADIVOSTOK4");
        assertThat(c.origin()).isEqualTo("XXXXXXXXXXXX");
        assertThat(c.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("P-REFERENCE-FROM-ROUTING");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
    }

    @Test
    void withoutClassLineOrKnownFmPostTheIdStaysUnknown() {
        String text = cable("CAPTAIN INVENT", "0789", "X", "Y")
                .replaceAll("(?m)^C O N F I D E N T I A L SECTION 01 OF 02 X Y\n", "");
        ParsedCable c = parsed(text);

        assertThat(c.reference()).isNull();
        assertThat(c.findings()).anyMatch(f -> f.code().equals("P-NO-REFERENCE"));
    }
}
