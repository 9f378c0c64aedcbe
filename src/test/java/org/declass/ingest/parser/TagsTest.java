package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.declass.marking.Finding;
import org.junit.jupiter.api.Test;

/** The TAGS element, with invented cables in the real format. */
class TagsTest {

    /** An invented confidential cable whose text header ends with an E.O. line and the given lines. */
    private static ParsedCable cable(String headerLines) {
        return cableFromEoLine("E.O. 12958: DECL: 06/06/2018\n" + headerLines);
    }

    /** An invented confidential cable whose text header ends with the given lines, the E.O. line among them. */
    private static ParsedCable cableFromEoLine(String headerLines) {
        String text = SampleCables.LAKEVIEW_HEAD + headerLines + """

                Classified By: Jane Q. Example, Ambassador. REASON: 1.4 (b), (d)

                1. (C) The invented ministry presented a new irrigation plan.

                2. (U) Donors agreed to meet again in July.

                EXAMPLE
                """;
        ParseResult r = new CableParser().parse(text);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).cable();
    }

    @Test
    void aLowerCaseTagsKeywordWithoutColonIsRead() {
        ParsedCable c = cable("""
                tags prel pgov xy
                SUBJECT: INVENTED TALKS ON WATER
                """);
        assertThat(c.tags()).containsExactly("PREL", "PGOV", "XY");
        assertThat(c.subject()).isEqualTo("INVENTED TALKS ON WATER");
    }

    @Test
    void aCapitalisedTagsKeywordWithoutColonIsRead() {
        ParsedCable c = cable("""
                Tags PREL, PGOV, XY
                SUBJECT: INVENTED TALKS ON WATER
                """);
        assertThat(c.tags()).containsExactly("PREL", "PGOV", "XY");
    }

    @Test
    void misspeltTagsKeywordsAreReadAndReported() {
        for (String keyword : List.of("TAGES:", "TAS:", "TAGS;", "Tages:")) {
            ParsedCable c = cable(keyword + " PREL PGOV XY\nSUBJECT: INVENTED TALKS ON WATER\n");
            assertThat(c.tags()).as(keyword).containsExactly("PREL", "PGOV", "XY");
            assertThat(c.subject()).as(keyword).isEqualTo("INVENTED TALKS ON WATER");
        }
        ParsedCable c = cable("TAGES: PREL PGOV XY\nSUBJECT: INVENTED TALKS ON WATER\n");
        assertThat(c.findings()).extracting(Finding::code).contains("P-TAGS-KEYWORD");
    }

    @Test
    void aMisspeltTagsKeywordGluedToTheEoLineIsRead() {
        ParsedCable c = cableFromEoLine("""
                DEPT FOR EUR/WE E.O. 12958: N/A TAGES: ECON EAID XY
                SUBJECT: INVENTED GRANT PROGRAM UPDATE
                """);
        assertThat(c.tags()).containsExactly("ECON", "EAID", "XY");
    }

    @Test
    void aLowerCaseContinuationLineAfterATrailingCommaIsPartOfTheTags() {
        ParsedCable c = cable("""
                Tags: ovip (novak, peter j.), prel, parm, pgov, econ,
                etra, mnuc, marr, xy, xz
                Subject: deputy secretary novak's meeting with the invented
                foreign minister
                """);
        assertThat(c.tags()).containsExactly("OVIP", "NOVAK, PETER J.", "PREL", "PARM", "PGOV", "ECON", "ETRA",
                "MNUC", "MARR", "XY", "XZ");
        assertThat(c.subject()).isEqualTo("deputy secretary novak's meeting with the invented foreign minister");
    }

    @Test
    void aContinuationLineOfCodesAfterAVisitorsNameIsPartOfTheTags() {
        ParsedCable c = cable("""
                TAGS: OVIP KOWALSKA ANNA PREL KPAL MNUC PARM XY
                NATO, XZ
                SUBJECT: INVENTED SECRETARY'S VISIT
                """);
        assertThat(c.tags()).containsExactly("OVIP", "KOWALSKA, ANNA", "PREL", "KPAL", "MNUC", "PARM", "XY", "NATO",
                "XZ");
    }

    @Test
    void aContinuationLineWithALongerCodeIsReadWhenTheSubjectFollowsIt() {
        ParsedCable c = cable("""
                TAGS: PGOV PTER PHUM
                EUN USEU BRUSSELS
                SUBJECT: INVENTED LEGAL ADVISER VISIT
                """);
        assertThat(c.tags()).containsExactly("PGOV", "PTER", "PHUM", "EUN", "USEU BRUSSELS");
        assertThat(c.tagKinds()).containsExactly(TagKind.SUBJECT, TagKind.SUBJECT, TagKind.SUBJECT,
                TagKind.GEOGRAPHIC, TagKind.GEOGRAPHIC);
        assertThat(c.subject()).isEqualTo("INVENTED LEGAL ADVISER VISIT");
    }

    @Test
    void aPersonNamedInParenthesesWhoseNameWrapsIsOneTag() {
        ParsedCable c = cable("""
                TAGS: PREL, OVIP (KOWALSKA,
                ANNA), XY
                SUBJECT: INVENTED VISIT
                """);
        assertThat(c.tags()).containsExactly("PREL", "OVIP", "KOWALSKA, ANNA", "XY");
    }

    @Test
    void aMultiWordTagInsideACommaListStaysOneTag() {
        ParsedCable c = cable("""
                TAGS PINR, KCRM, PGOV, EINV, XY, Organized Crime
                SUBJECT: INVENTED CRIME REPORT
                """);
        assertThat(c.tags()).containsExactly("PINR", "KCRM", "PGOV", "EINV", "XY", "ORGANIZED CRIME");
        assertThat(c.tagKinds()).containsExactly(TagKind.SUBJECT, TagKind.PROGRAM, TagKind.SUBJECT, TagKind.SUBJECT,
                TagKind.GEOGRAPHIC, TagKind.SUBJECT);
    }

    @Test
    void aVisitorNamedAfterOvipInASpaceSeparatedListIsOnePersonTag() {
        ParsedCable c = cable("""
                TAGS: OVIP NOVAK PETER PREL ECON PGOV XY
                SUBJECT: INVENTED VICE PRESIDENTIAL VISIT
                """);
        assertThat(c.tags()).containsExactly("OVIP", "NOVAK, PETER", "PREL", "ECON", "PGOV", "XY");
        assertThat(c.tagKinds()).containsExactly(TagKind.SUBJECT, TagKind.PERSON, TagKind.SUBJECT, TagKind.SUBJECT,
                TagKind.SUBJECT, TagKind.GEOGRAPHIC);

        ParsedCable d = cable("""
                TAGS: PREL PGOV OVIP NOVAK PETER J XY
                SUBJECT: INVENTED VICE PRESIDENTIAL VISIT
                """);
        assertThat(d.tags()).containsExactly("PREL", "PGOV", "OVIP", "NOVAK, PETER J", "XY");
    }

    @Test
    void aPersonTagWrittenSurnameCommaGivenNameInACommaListIsOneTag() {
        ParsedCable c = cable("""
                TAGS: PREL, PGOV, OVIP, NOVAK, PETER, XY
                SUBJECT: INVENTED VISIT
                """);
        assertThat(c.tags()).containsExactly("PREL", "PGOV", "OVIP", "NOVAK, PETER", "XY");

        ParsedCable d = cable("""
                TAGS: PREL, PGOV, BRAZIL, CHINA
                SUBJECT: INVENTED TRADE TALKS
                """);
        assertThat(d.tags()).containsExactly("PREL", "PGOV", "BRAZIL", "CHINA");
    }

    @Test
    void tagsAreCleanedOfPunctuationContinuationMarksAndMarkdown() {
        ParsedCable c = cable("""
                TAGS: [PREL](#) [PGOV](#) ECON. SIPDIS XY;\\
                SUBJECT: INVENTED TALKS ON WATER
                """);
        assertThat(c.tags()).containsExactly("PREL", "PGOV", "ECON", "XY");
        assertThat(c.captions()).contains("SIPDIS");
    }

    @Test
    void aSubjectLineWithoutItsKeywordIsNotReadAsTags() {
        ParsedCable c = cable("""
                TAGS: PREL XY
                INVENTED VIEWS ON NUCLEAR ENERGY
                """);
        assertThat(c.tags()).containsExactly("PREL", "XY");
    }

    @Test
    void kindsFollowTheTagsConventions() {
        assertThat(Tags.kinds(List.of("PREL", "PGOV", "ECON", "MARR", "ASEC", "CVIS", "SENV", "TSPA", "OVIP", "OEXC")))
                .containsOnly(TagKind.SUBJECT);
        assertThat(Tags.kinds(List.of("KDEM", "KPAO", "KCRM", "KNNP", "KJUS"))).containsOnly(TagKind.PROGRAM);
        assertThat(Tags.kinds(List.of("IZ", "AF", "KS", "UK", "GM", "SP", "XA", "UN", "UNSC", "UNGA", "NATO", "EUN",
                "IAEA", "OSCE", "AU", "ASEAN", "OAS", "WTO", "IMF", "OECD", "OPEC", "APEC", "KFOR", "MTCRE")))
                .containsOnly(TagKind.GEOGRAPHIC);
        assertThat(Tags.kinds(List.of("SARKOZY, NICOLAS", "NOVAK, PETER J."))).containsOnly(TagKind.PERSON);
    }

    @Test
    void unknownTagsAreKindedByTheirShape() {
        assertThat(Tags.kinds(List.of("EREL", "MAPP", "ORGANIZED CRIME", "COUNTERTERRORISM", "KXYZ", "GTMO", "ICTY",
                "UNXYZ", "USEU BRUSSELS"))).containsExactly(TagKind.SUBJECT, TagKind.SUBJECT, TagKind.SUBJECT,
                        TagKind.SUBJECT, TagKind.PROGRAM, TagKind.GEOGRAPHIC, TagKind.GEOGRAPHIC, TagKind.GEOGRAPHIC,
                        TagKind.GEOGRAPHIC);
    }

    @Test
    void kindsAreGivenForEveryTagInOrder() {
        ParsedCable c = cable("""
                TAGS: PREL KDEM UNSC XY
                SUBJECT: INVENTED TALKS ON WATER
                """);
        assertThat(c.tagKinds()).containsExactly(TagKind.SUBJECT, TagKind.PROGRAM, TagKind.GEOGRAPHIC,
                TagKind.GEOGRAPHIC);
    }
}
