package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The TO and INFO addressees of the transmission header, on invented routing headers. */
class AddresseesTest {

    private static Addressees.Read read(String header) {
        return Addressees.read(List.of(header.split("\n", -1)));
    }

    @Test
    void theRoutingIndicatorPrecedenceAndSequenceNumberAreNotPartOfTheAddress() {
        assertThat(Addressees.address("RUEHC/SECSTATE WASHDC IMMEDIATE 8157")).isEqualTo("SECSTATE WASHDC");
        assertThat(Addressees.address("RUEHLK/AMEMBASSY LAKEVIEW PRIORITY 0412")).isEqualTo("AMEMBASSY LAKEVIEW");
    }

    @Test
    void everyPrecedenceWordAndLetterIsStripped() {
        assertThat(Addressees.address("AMEMBASSY MERIDIAN NIACT IMMEDIATE 0077")).isEqualTo("AMEMBASSY MERIDIAN");
        assertThat(Addressees.address("AMEMBASSY MERIDIAN ROUTINE 0077")).isEqualTo("AMEMBASSY MERIDIAN");
        assertThat(Addressees.address("AMEMBASSY MERIDIAN FLASH")).isEqualTo("AMEMBASSY MERIDIAN");
        assertThat(Addressees.address("AMEMBASSY MERIDIAN P 0077")).isEqualTo("AMEMBASSY MERIDIAN");
        assertThat(Addressees.address("AMEMBASSY MERIDIAN O")).isEqualTo("AMEMBASSY MERIDIAN");
        assertThat(Addressees.address("AMEMBASSY MERIDIAN 0 0077")).isEqualTo("AMEMBASSY MERIDIAN");
    }

    @Test
    void aMonthWrittenWhereThePrecedenceBelongsIsAGarbleAndDropped() {
        assertThat(Addressees.address("RUEHMV/AMEMBASSY PORT MERIDIAN OCT 0731")).isEqualTo("AMEMBASSY PORT MERIDIAN");
    }

    @Test
    void aSequenceNumberWithoutPrecedenceIsStripped() {
        assertThat(Addressees.address("SECSTATE WASHDC 613")).isEqualTo("SECSTATE WASHDC");
    }

    @Test
    void aNumberThatIsTheWholeRestOfTheAddressIsKept() {
        assertThat(Addressees.address("RUHQXYZ/CTF 157")).isEqualTo("CTF 157");
    }

    @Test
    void aCollectiveWithoutSequenceNumberKeepsItsWholeName() {
        assertThat(Addressees.address("RUCNXYZ/HARBOR STATES COLLECTIVE PRIORITY"))
                .isEqualTo("HARBOR STATES COLLECTIVE");
    }

    @Test
    void anOfficeSymbolAfterTheAddressIsKeptAsWritten() {
        assertThat(Addressees.address("RUMIXYZ/CDR USHARBORCOM PORTHAVEN FL//J2/POLAD// PRIORITY"))
                .isEqualTo("CDR USHARBORCOM PORTHAVEN FL//J2/POLAD//");
    }

    @Test
    void runsOfSpacesInsideAnAddressBecomeOne() {
        assertThat(Addressees.address("HQ USHARBORCOM  PRIORITY")).isEqualTo("HQ USHARBORCOM");
    }

    @Test
    void eachContinuationLineIsOneAddresseeAndInfoLinesGoToTheInfoList() {
        Addressees.Read r = read("""
                P 141200Z FEB 09
                FM AMEMBASSY LAKEVIEW
                TO RHEHXYZ/NSC WASHDC IMMEDIATE
                RUEHC/SECSTATE WASHDC IMMEDIATE 1234
                INFO RUCNXYZ/HARBOR STATES COLLECTIVE PRIORITY
                RUEHMV/AMEMBASSY MERIDIAN PRIORITY 0056
                RUEHPT/AMCONSUL PORTHAVEN 0011
                """);
        assertThat(r.to()).containsExactly("NSC WASHDC", "SECSTATE WASHDC");
        assertThat(r.info()).containsExactly("HARBOR STATES COLLECTIVE", "AMEMBASSY MERIDIAN", "AMCONSUL PORTHAVEN");
    }

    @Test
    void theAddresseesEndAtABlankLineBtOrTheClassLine() {
        assertThat(read("FM AMEMBASSY LAKEVIEW\nTO SECSTATE WASHDC 0101\n\nAMEMBASSY MERIDIAN\n").to())
                .containsExactly("SECSTATE WASHDC");
        assertThat(read("FM AMEMBASSY LAKEVIEW\nTO SECSTATE WASHDC 0101\nBT\nAMEMBASSY MERIDIAN\n").to())
                .containsExactly("SECSTATE WASHDC");
        assertThat(read("FM AMEMBASSY LAKEVIEW\nTO SECSTATE WASHDC 0101\nC O N F I D E N T I A L LAKEVIEW 000321\n")
                .to()).containsExactly("SECSTATE WASHDC");
        assertThat(read("FM AMEMBASSY LAKEVIEW\nTO SECSTATE WASHDC 0101\nUNCLAS SECTION 01 OF 02 LAKEVIEW 000321\n")
                .to()).containsExactly("SECSTATE WASHDC");
        assertThat(read("FM AMEMBASSY LAKEVIEW\nTO SECSTATE WASHDC 0101\nWednesday, 11 March 2009, 10:00\n").to())
                .containsExactly("SECSTATE WASHDC");
    }

    @Test
    void officeRoutingCodesOfAnOldTelegramPrintHeaderAreNotRecipients() {
        Addressees.Read r = read("""
                PAGE 01        LAKEVIEW  00211  01 OF 02  111533Z
                ACTION EUR-00
                
                INFO  LOG-00   NP-00    AID-00   CIAE-00
                      DS-00    EB-00    /004W
                                  ------------------1A2B3C  111534Z /38
                P 111533Z MAR 01
                FM AMEMBASSY LAKEVIEW
                TO SECSTATE WASHDC PRIORITY 4411
                INFO AMEMBASSY MERIDIAN
                NSC WASHDC
                """);
        assertThat(r.to()).containsExactly("SECSTATE WASHDC");
        assertThat(r.info()).containsExactly("AMEMBASSY MERIDIAN", "NSC WASHDC");
    }

    @Test
    void anInfoLineMadeOfOfficeCodesIsNotAnAddressee() {
        assertThat(Addressees.officeCodes("  LOG-00   NP-00    AID-00   /004W")).isTrue();
        assertThat(Addressees.officeCodes("AMEMBASSY MERIDIAN")).isFalse();
        Addressees.Read r = read("FM AMEMBASSY LAKEVIEW\nTO SECSTATE WASHDC\nINFO LOG-00 NP-00 /002R\n");
        assertThat(r.info()).isEmpty();
    }

    @Test
    void addresseesExcludedWithXmtAreNotRecipients() {
        Addressees.Read r = read("""
                FM SECSTATE WASHDC
                TO HARBOR POSTS COLLECTIVE PRIORITY
                INFO AMCONSUL PORTHAVEN PRIORITY
                XMT AMEMBASSY MERIDIAN
                AMCONSUL NORTHGATE
                """);
        assertThat(r.to()).containsExactly("HARBOR POSTS COLLECTIVE");
        assertThat(r.info()).containsExactly("AMCONSUL PORTHAVEN");
    }

    @Test
    void aToLineThatNeitherFollowsFmNorCarriesARoutingIndicatorOpensNoHeader() {
        assertThat(read("THE MINISTER REPLIED\nTO THE EMBASSY THAT NOTHING HAD CHANGED\n"))
                .isEqualTo(Addressees.Read.NONE);
        assertThat(read("TO RUEHC/SECSTATE WASHDC 0101\n").to()).containsExactly("SECSTATE WASHDC");
    }

    @Test
    void aCableWithAnAcp127HeaderExposesItsRecipients() {
        ParsedCable c = SampleCables.parse("canonical");
        assertThat(c.recipients()).containsExactly("SECSTATE WASHDC");
        assertThat(c.infoRecipients()).containsExactly("AMEMBASSY ASHGABAT", "AMEMBASSY ASTANA");
    }

    @Test
    void aPartialExtractWithAnOldPrintHeaderExposesOnlyItsAddressees() {
        ParsedCable c = SampleCables.parse("partial-acp126");
        assertThat(c.recipients()).containsExactly("SECSTATE WASHDC");
        assertThat(c.infoRecipients()).isEmpty();
    }

    @Test
    void aCableWithoutRoutingHeaderHasNoRecipients() {
        ParsedCable c = SampleCables.parse("no-class-line");
        assertThat(c.recipients()).isEmpty();
        assertThat(c.infoRecipients()).isEmpty();
    }
}
