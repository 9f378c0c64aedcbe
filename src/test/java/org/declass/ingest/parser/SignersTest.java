package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The names in the signature block, on invented signature lines and invented cables. */
class SignersTest {

    private static final String CABLE = """
            VZCZCXRO1234
            PP RUEHLK
            DE RUEHLK #0321/01 0451200
            ZNY CCCCC ZZH
            P 141200Z FEB 09
            FM AMEMBASSY LAKEVIEW
            TO RUEHC/SECSTATE WASHDC PRIORITY 1234
            INFO RUEHMV/AMEMBASSY MERIDIAN 0056

            C O N F I D E N T I A L LAKEVIEW 000321

            SIPDIS

            E.O. 12958: DECL: 02/14/2019
            TAGS: PREL PGOV XY
            SUBJECT: INVENTED MINISTER OUTLINES HARBOR PLAN

            Classified By: Ambassador Alan B. Sample for reasons 1.4 (b) and (d).

            ¶1. (C) The invented minister described the harbor plan to
            the Ambassador on February 12.

            ¶2. (C) Comment: The plan is modest and will take years.
            """;

    private static ParsedCable parse(String ending) {
        ParseResult r = new CableParser().parse(CABLE + ending);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).cable();
    }

    private static String lastParagraph(ParsedCable c) {
        return c.paragraphs().get(c.paragraphs().size() - 1).text();
    }

    // ------------------------------------------------------------------ name lines

    @Test
    void aSurnameInCapitalsOrCapitalisedIsTheSigner() {
        assertThat(Signers.names("HALVORSEN", true)).containsExactly("HALVORSEN");
        assertThat(Signers.names("Lindqvist", true)).containsExactly("Lindqvist");
        assertThat(Signers.names("Ostrova-Baines", true)).containsExactly("Ostrova-Baines");
    }

    @Test
    void aFirstNameInitialsAndASuffixBelongToTheName() {
        assertThat(Signers.names("JOHN A. MERRIWEATHER", true)).containsExactly("JOHN A. MERRIWEATHER");
        assertThat(Signers.names("Okafor jr", true)).containsExactly("Okafor jr");
        assertThat(Signers.names("PETERSEN III", true)).containsExactly("PETERSEN III");
    }

    @Test
    void twoNamesSeparatedByASlashAreTwoSigners() {
        assertThat(Signers.names("ABERNATHY / KOVACS", true)).containsExactly("ABERNATHY", "KOVACS");
    }

    @Test
    void aNameWrittenTwiceIsOneSigner() {
        assertThat(Signers.names("DELACROIX DELACROIX", true)).containsExactly("DELACROIX");
        assertThat(Signers.names("MARLOWE Marlowe", true)).containsExactly("MARLOWE");
    }

    @Test
    void aDetachedFullStopAfterTheNameIsNotPartOfIt() {
        assertThat(Signers.names("TREMAINE .", true)).containsExactly("TREMAINE");
    }

    @Test
    void wordsThatEndABodyOrStandInTheTrailerAreNoNames() {
        for (String line : List.of("END COMMENT", "End text", "BT", "NNNN", "Nnnn", "CONFIDENTIAL", "SIPDIS",
                "Regards", "THE MINISTER", "END COMMENT.", "1. (C) Text", "Meridian minimize considered.")) {
            assertThat(Signers.names(line, true)).as(line).isEmpty();
            assertThat(Signers.isNameLine(line, true)).as(line).isFalse();
        }
    }

    @Test
    void aLowerCaseWordIsANameOnlyOnTheLastLine() {
        assertThat(Signers.names("okonkwo", true)).containsExactly("okonkwo");
        assertThat(Signers.names("okonkwo", false)).isEmpty();
    }

    @Test
    void aRedactedSignerIsASignatureLineThatNamesNobody() {
        assertThat(Signers.isNameLine("XXXXXXXXXXXX", true)).isTrue();
        assertThat(Signers.names("XXXXXXXXXXXX", true)).isEmpty();
    }

    @Test
    void forTheAmbassadorAndWebsiteLinesAreRecognised() {
        assertThat(Signers.isForLine("FOR THE AMBASSADOR:")).isTrue();
        assertThat(Signers.isForLine("for the Secretary")).isTrue();
        assertThat(Signers.isForLine("FOR THE AMBASSADOR AND THE DCM, THE MINISTER SAID")).isFalse();
        assertThat(Signers.isSiteLine("Visit Lakeview's Classified Website at:")).isTrue();
        assertThat(Signers.isSiteLine("http://www.state.sgov.gov/p/xx/lakeview/")).isTrue();
        assertThat(Signers.isSiteLine("HALVORSEN")).isFalse();
    }

    // ------------------------------------------------------------------ names glued to the last body line

    @Test
    void aNameGluedAfterTheLastSentenceIsTheSigner() {
        assertThat(Signers.glued("(U) The delegation has cleared this message. HALVORSEN")).isEqualTo("HALVORSEN");
        assertThat(Signers.glued("the harbor will stay closed. End comment. Lindqvist")).isEqualTo("Lindqvist");
        assertThat(Signers.glued("and we expect no change soon. END COMMENT MARLOWE")).isEqualTo("MARLOWE");
        assertThat(Signers.glued("than a real restructuring. .TREMAINE")).isEqualTo("TREMAINE");
        assertThat(Signers.glued("the hearts of the people. XXXXXXXXXXX OKAFOR")).isEqualTo("OKAFOR");
        assertThat(Signers.glued("as we had hoped (MCA). VAN DOREN")).isEqualTo("VAN DOREN");
        assertThat(Signers.glued("the second part follows. End of Part One VAN DOREN")).isEqualTo("VAN DOREN");
    }

    @Test
    void aNameGluedAfterAWebsiteAddressIsTheSigner() {
        assertThat(Signers.glued("Visit Lakeview's Classified Website: http://www.state.sgov.gov/p/xx/lake index. cfm"
                + " Halvorsen")).isEqualTo("Halvorsen");
        assertThat(Signers.glued("Visit Lakeview's Classified Website")).isNull();
        assertThat(Signers.glued("http://www.intelink.sgov.gov/wiki/Portal:Lake view")).isNull();
    }

    @Test
    void theLastWordsOfASentenceAreNotAGluedName() {
        assertThat(Signers.glued("the Ambassador handed the note to DR. ABERNATHY")).isNull();
        assertThat(Signers.glued("the minister left for the U.S. EMBASSY")).isNull();
        assertThat(Signers.glued("with the full support of the GOL")).isNull();
        assertThat(Signers.glued("and the plan stalled in 2008. END COMMENT")).isNull();
        assertThat(Signers.glued("we will send the rest by END OF JUNE")).isNull();
        assertThat(Signers.glued("the talks will resume. CONFIDENTIAL")).isNull();
        assertThat(Signers.glued("is the only way to reach the Southern Coast")).isNull();
        assertThat(Signers.glued("HALVORSEN")).isNull();
    }

    // ------------------------------------------------------------------ the whole cable

    @Test
    void theSignatureLineNamesTheSignerAndIsNotPartOfTheBody() {
        ParsedCable c = parse("\nHALVORSEN\n");
        assertThat(c.signers()).containsExactly("HALVORSEN");
        assertThat(lastParagraph(c)).doesNotContain("HALVORSEN");
    }

    @Test
    void aBottomClassLineAndEndOfMessageAfterTheNameAreNotSigners() {
        assertThat(parse("\nHALVORSEN\n\nCONFIDENTIAL\nNNNN\n").signers()).containsExactly("HALVORSEN");
        assertThat(parse("\nHalvorsen\nNnnn\n").signers()).containsExactly("Halvorsen");
    }

    @Test
    void aSignatureWithADetachedFullStopLeavesTheLastParagraphIntact() {
        ParsedCable c = parse("\nTREMAINE .\n");
        assertThat(c.signers()).containsExactly("TREMAINE");
        assertThat(lastParagraph(c)).endsWith("will take years.");
    }

    @Test
    void aForTheAmbassadorLineBelongsToTheSignatureBlock() {
        ParsedCable c = parse("\nFOR THE AMBASSADOR:\nKOVACS\n");
        assertThat(c.signers()).containsExactly("KOVACS");
        assertThat(lastParagraph(c)).doesNotContain("AMBASSADOR:");
    }

    @Test
    void theWebsiteLinesAboveTheNameStayInTheBody() {
        ParsedCable c = parse("Visit Lakeview's Classified Website:\nhttp://www.state.sgov.gov/p/xx/lakeview\n"
                + "HALVORSEN\n");
        assertThat(c.signers()).containsExactly("HALVORSEN");
        assertThat(lastParagraph(c)).contains("Visit Lakeview");
    }

    @Test
    void aNameFollowedByWebsiteLinesIsTheSigner() {
        ParsedCable c = parse("\nHALVORSEN\nVisit Lakeview's Classified Website:\n"
                + "http://www.state.sgov.gov/p/xx/lakeview\n");
        assertThat(c.signers()).containsExactly("HALVORSEN");
        assertThat(lastParagraph(c)).doesNotContain("HALVORSEN");
    }

    @Test
    void aNameGluedToTheLastParagraphIsTheSignerAndTheParagraphKeepsItsMark() {
        String body = CABLE.replace("will take years.\n", "will take years. End comment. OKAFOR\n");
        ParsedCable c = ((ParseResult.Parsed) new CableParser().parse(body)).cable();
        assertThat(c.signers()).containsExactly("OKAFOR");
        assertThat(c.paragraphs()).hasSize(2);
        assertThat(c.paragraphs().get(1).marking()).isNotNull();
    }

    @Test
    void aLetterSignOffInTheBodyIsNotTheCableSigner() {
        ParsedCable c = parse("\nBest,\n\nMaria\nrenwick\n");
        assertThat(c.signers()).containsExactly("renwick");
    }

    @Test
    void theLastSentenceOfTheBodyIsNotASigner() {
        assertThat(parse("").signers()).isEmpty();
        assertThat(parse("¶3. (U) Lakeview minimize considered.\n").signers()).isEmpty();
        assertThat(parse("END COMMENT\n").signers()).isEmpty();
    }

    @Test
    void aRedactedSignerGivesNoName() {
        assertThat(parse("\n\nXXXXXXXXXXXX\n").signers()).isEmpty();
    }
}
