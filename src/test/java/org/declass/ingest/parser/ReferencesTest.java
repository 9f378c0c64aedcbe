package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The REF element: where it starts and ends in the header, how it splits into items, and the cable ids each item
 * names. Every cable and reference here is invented, in the real format.
 */
class ReferencesTest {

    // ------------------------------------------------------------------ splitting into items

    @Test
    void bulletsAreSplitHoweverTheyAreWritten() {
        for (String written : List.of(
                "(A)STATE 4711 (B)OSLO 88",
                "a. state 4711\nb. Oslo 88",
                "A.) STATE 4711 B.) OSLO 88",
                "A) STATE 4711;B) OSLO 88",
                "(1) STATE 4711 (2) OSLO 88",
                "[A] STATE 4711 [B] OSLO 88",
                "A. STATE 4711\n¶B. OSLO 88",
                "A. A. STATE 4711 B. B. OSLO 88",
                "A. A: STATE 4711 B. B: OSLO 88",
                "A. (A) STATE 4711 B. (B) OSLO 88",
                "A. STATE 4711\nB OSLO 88")) {
            assertThat(ids(References.read(written, 2008))).as(written)
                    .containsExactly(List.of("08STATE4711"), List.of("08OSLO88"));
        }
    }

    @Test
    void aLetterInsideAnItemThatIsNotTheNextBulletDoesNotSplitIt() {
        List<Reference> refs = References.read("A. U.S. NONPAPER OF MARCH 3\nb. Bern 12 AND A. N. OTHER", 2007);

        assertThat(refs).extracting(Reference::raw)
                .containsExactly("A. U.S. NONPAPER OF MARCH 3", "b. Bern 12 AND A. N. OTHER");
    }

    @Test
    void itemsRunTogetherWithoutBulletsAreSplitAtEachCitationThatNamesItsOrigin() {
        List<Reference> refs = References.read(
                "10 KAMPALA 14 09 KAMPALA 2290; 09 KAMPALA 2288", 2010);

        assertThat(refs).extracting(Reference::raw)
                .containsExactly("10 KAMPALA 14", "09 KAMPALA 2290", "09 KAMPALA 2288");
        assertThat(ids(References.read("LA PAZ 301 LA PAZ 298 QUITO 77 2008 LA PAZ 1902", 2009)))
                .containsExactly(List.of("09LAPAZ301"), List.of("09LAPAZ298"), List.of("09QUITO77"),
                        List.of("08LAPAZ1902"));
        assertThat(References.read("Bern 311, Bern 315, Bern 290", 2009)).extracting(Reference::raw)
                .containsExactly("Bern 311", "Bern 315", "Bern 290");
    }

    @Test
    void anItemNamingSeveralCablesOfOneOriginGetsOneIdPerCable() {
        assertThat(ids(References.read("STATE 1234 AND 5678", 2009)))
                .containsExactly(List.of("09STATE1234", "09STATE5678"));
        assertThat(ids(References.read("A. 08 STATE 1234, 5678 B. HANOI 9", 2009)))
                .containsExactly(List.of("08STATE1234", "08STATE5678"), List.of("09HANOI9"));
    }

    // ------------------------------------------------------------------ ids

    @Test
    void theYearIsReadBeforeTheOriginBehindTheSerialOrTakenFromTheCitingCable() {
        List<Reference> refs = References.read(
                "A. 07 STATE 4711 B. 2005 LISBON 0123 C. DOHA 152 (08) D. DOHA 76 E. 10TUNIS 003", 2009);

        assertThat(ids(refs)).containsExactly(List.of("07STATE4711"), List.of("05LISBON123"), List.of("08DOHA152"),
                List.of("09DOHA76"), List.of("10TUNIS3"));
        assertThat(ids(References.read("A. STATE 11 B. 08 STATE 12", null)))
                .containsExactly(List.of(), List.of("08STATE12"));
    }

    @Test
    void aYearInBracketsBeforeACitationBelongsToIt() {
        assertThat(ids(References.read("QUITO 709 (08) LIMA 542", 2009)))
                .containsExactly(List.of("09QUITO709"), List.of("08LIMA542"));
    }

    @Test
    void originAliasesAreResolvedToTheFormCablegateIdsCarry() {
        List<Reference> refs = References.read("A. SECSTATE 11 B. RIO DE JAN 12 C. RIO 13 D. USUN NEW YORK 14 "
                + "E. USUN 15 F. USEU BRUSSELS 16 G. 07 CASA 17 H. TEL AVIV 18 I. UNVIE 19 J. EMBASSY VIENNA 20 "
                + "K. IRPO DUBAI 21 L. SAO PAULO 22 M. ABU DHABI 23 N. RPO DUBAI 24", 2009);

        assertThat(ids(refs)).containsExactly(List.of("09STATE11"), List.of("09RIODEJANEIRO12"),
                List.of("09RIODEJANEIRO13"), List.of("09USUNNEWYORK14"), List.of("09USUNNEWYORK15"),
                List.of("09USEUBRUSSELS16"), List.of("07CASABLANCA17"), List.of("09TELAVIV18"),
                List.of("09UNVIEVIENNA19"), List.of("09VIENNA20"), List.of("09RPODUBAI21"), List.of("09SAOPAULO22"),
                List.of("09ABUDHABI23"), List.of("09RPODUBAI24"));
    }

    @Test
    void anItemNamingNoCableGetsNoId() {
        List<Reference> refs = References.read("A. SMITH-JONES E-MAIL DATED 10.01.2009 "
                + "B. OCTOBER 12 DVC (WITH EMBASSY OSLO) C. 2006 IIR 6 854 0025 07 D. USDAO OSLO IIR 6 812 0131 08 "
                + "E. TD-314/04321-09 F. SECDEF DTG 301601Z SEP 08 G. FEB 24 A/S SMITH-AMB JONES TELCON "
                + "H. IMSWM-0042-2010 I. NEW DELHI 420Q garbled text J. 09 XXXXXXXXXXXX 167", 2009);

        assertThat(refs).hasSize(10);
        assertThat(refs).allSatisfy(r -> assertThat(r.ids()).as(r.raw()).isEmpty());
    }

    @Test
    void pageFurnitureIsRemovedFromTheItems() {
        List<Reference> refs = References.read("A. OTTAWA 360\nOTTAWA 00000918  001.2 OF 003\n"
                + "C O N F I D E N T I A L\nB. OTTAWA 808 (NOTAL)\nPAGE 02 OTTAWA 00918 01 OF 03 291400Z\n"
                + "C. OTTAWA 850 OTTAWA 00000918 002.2 OF 003", 2008);

        assertThat(refs).extracting(Reference::raw)
                .containsExactly("A. OTTAWA 360", "B. OTTAWA 808 (NOTAL)", "C. OTTAWA 850");
        assertThat(ids(refs)).containsExactly(List.of("08OTTAWA360"), List.of("08OTTAWA808"), List.of("08OTTAWA850"));
    }

    // ------------------------------------------------------------------ the element in a cable

    @Test
    void refsAloneOnItsLineIsFollowedByItsItems() {
        ParsedCable c = parse(header("REFS:\nA. STATE 4711\nB. OSLO 88\n"));
        ParsedCable afterBlank = parse(header("REFS:\n\nA. STATE 4711\nB. OSLO 88\n"));

        assertThat(ids(c.references())).containsExactly(List.of("09STATE4711"), List.of("09OSLO88"));
        assertThat(ids(afterBlank.references())).containsExactly(List.of("09STATE4711"), List.of("09OSLO88"));
    }

    @Test
    void aBlankLineInsideTheListDoesNotEndIt() {
        ParsedCable c = parse(header("Ref: a. 08 state 4711\n\nb. Oslo 88\nc. Oslo 91\n"));
        ParsedCable unbulleted = parse(header("REF: STATE 4711\n\nOSLO 88\n"));
        ParsedCable bare = parse(header("REF: A. STATE 4711\n\nB OSLO 88\n"));

        assertThat(ids(c.references())).containsExactly(List.of("08STATE4711"), List.of("09OSLO88"),
                List.of("09OSLO91"));
        assertThat(ids(unbulleted.references())).containsExactly(List.of("09STATE4711"), List.of("09OSLO88"));
        assertThat(ids(bare.references())).containsExactly(List.of("09STATE4711"), List.of("09OSLO88"));
    }

    @Test
    void aLowerCaseRefGluedToTheEndOfTheSubjectLineStartsTheElement() {
        ParsedCable ref = parse(header("").replace("SUBJECT: INVENTED FJORD TALKS\n",
                "SUBJECT: INVENTED FJORD TALKS Ref: STATE 4711\n"));
        ParsedCable reftel = parse(header("").replace("SUBJECT: INVENTED FJORD TALKS\n",
                "SUBJECT: INVENTED FJORD TALKS reftel: Oslo 88\n"));

        assertThat(ids(ref.references())).containsExactly(List.of("09STATE4711"));
        assertThat(ref.subject()).isEqualTo("INVENTED FJORD TALKS");
        assertThat(ids(reftel.references())).containsExactly(List.of("09OSLO88"));
        assertThat(reftel.subject()).isEqualTo("INVENTED FJORD TALKS");
    }

    @Test
    void aMisspeltClassifiedByEndsTheElement() {
        ParsedCable c = parse(header("REF: A. STATE 4711\n¶B. OSLO 88\n"
                + "Classiied By: Ambassador Jane Roe for reasons 1.4 (b) and (d).\n"));
        ParsedCable glued = parse(header("REF: OSLO 88 Classiied By: Ambassador Jane Roe, reasons 1.4 (b)\n"));

        assertThat(c.references()).extracting(Reference::raw).containsExactly("A. STATE 4711", "B. OSLO 88");
        assertThat(c.segments()).extracting(Segment::kind).contains(SegmentKind.CAB);
        assertThat(glued.references()).extracting(Reference::raw).containsExactly("OSLO 88");
        assertThat(glued.segments()).extracting(Segment::kind).contains(SegmentKind.CAB);
    }

    @Test
    void aParagraphDirectlyUnderTheRefLineIsNotSwallowedIntoTheItem() {
        ParsedCable marked = parse(header("REF: STATE 4711\n(SBU) Poloff delivered the invented demarche to the "
                + "ministry on May 2 and urged support.\n"));
        ParsedCable glued = parse(header("REF: 2009 OSLO 1381 (U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.\n"
                + "\n¶2. (SBU) More invented text.\n"));
        ParsedCable numbered = parse(header("REF: STATE 4711\n1. (C) Summary: invented text.\n"));

        assertThat(marked.references()).extracting(Reference::raw).containsExactly("STATE 4711");
        assertThat(marked.paragraphs()).hasSize(2);
        assertThat(glued.references()).extracting(Reference::raw).containsExactly("2009 OSLO 1381");
        assertThat(numbered.references()).extracting(Reference::raw).containsExactly("STATE 4711");
    }

    @Test
    void aPortionMarkAfterABlankLineEndsTheElement() {
        ParsedCable c = parse(header("REF: STATE 4711\n\n(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.\n"));

        assertThat(c.references()).extracting(Reference::raw).containsExactly("STATE 4711");
    }

    @Test
    void aRepeatedClassLineBetweenTheItemsIsNotPartOfAnItem() {
        ParsedCable c = parse(header("REF: A. OSLO 360\nOSLO 00000918  001.2 OF 003\nC O N F I D E N T I A L\n"
                + "¶B. OSLO 808\n"));

        assertThat(c.references()).extracting(Reference::raw).containsExactly("A. OSLO 360", "B. OSLO 808");
    }

    // ------------------------------------------------------------------ helpers

    /** An invented Oslo cable of 2009 with the given REF lines between SUBJECT and the first paragraph. */
    private static String header(String refLines) {
        return "VZCZCXYZ0000\nRR RUEHWEB\n\nDE RUEHNY #0412/01 1231200\nZNY CCCCC ZZH\nR 031200Z MAY 09\n"
                + "FM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC 1234\n\n"
                + "C O N F I D E N T I A L OSLO 000412 \n\nSIPDIS \n\nE.O. 12958: DECL: 05/03/2019 \n"
                + "TAGS: PREL NO\nSUBJECT: INVENTED FJORD TALKS\n\n" + refLines
                + "\n¶1. (C) Invented text of the first paragraph.\n\nSMITH\n";
    }

    private static ParsedCable parse(String text) {
        return SampleCables.parseLossless(text);
    }

    private static List<List<String>> ids(List<Reference> refs) {
        return refs.stream().map(Reference::ids).toList();
    }
}
