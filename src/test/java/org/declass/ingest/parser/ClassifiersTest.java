package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The CLASSIFIED BY element read as an archivist reads it: name, title and office of each classifier, and the
 * reasons. All names, posts and serials are invented; the lines follow the real cables' forms.
 */
class ClassifiersTest {

    private static List<ClassifiedBy> who(String cab) {
        return Classifiers.read(cab).who();
    }

    private static ClassifiedBy one(String cab) {
        List<ClassifiedBy> who = who(cab);
        assertThat(who).as(cab).hasSize(1);
        return who.get(0);
    }

    private static ClassifiedBy by(String name, String title, String office) {
        return new ClassifiedBy(name, title, office);
    }

    /** An invented cable whose header ends with {@code cab} (its lines as written), then one paragraph. */
    private static ParsedCable cable(String cab) {
        String text = """
                C O N F I D E N T I A L LAKEVIEW 000314

                SIPDIS

                E.O. 12958: DECL: 04/02/2019
                TAGS: PREL PGOV XY
                SUBJECT: INVENTED MINISTER DISCUSSES HARBOR TARIFFS

                %s

                1. (C) The invented minister said the tariff would stay.

                CARSTAIRS
                """.formatted(cab);
        return ((ParseResult.Parsed) new CableParser().parse(text)).cable();
    }

    @Test
    void aTitleAbbreviationBeforeTheNameIsFiledAsTheTitle() {
        assertThat(one("Classified By: PDAS Nora K. Whitcombe, reasons 1.4 (b) and (d)."))
                .isEqualTo(by("Nora K. Whitcombe", "PDAS", null));
        assertThat(one("Classified By: A/S Lionel Ashby for reasons 1.4 (b)"))
                .isEqualTo(by("Lionel Ashby", "A/S", null));
        assertThat(one("Classified By: ECPO Marta Ilves; reason 1.4 (d)")).isEqualTo(by("Marta Ilves", "ECPO", null));
        assertThat(one("Classified By: A/DCM Peter J. Halloran. Reasons 1.4 (b), (d).").title()).isEqualTo("A/DCM");
        assertThat(one("Classified By: PolMinCouns Owen Treadwell, reason 1.4 (d)"))
                .isEqualTo(by("Owen Treadwell", "PolMinCouns", null));
        assertThat(one("Classified By: Pol/Econ Chief Rosa Delacroix for reasons 1.4 (b,d)"))
                .isEqualTo(by("Rosa Delacroix", "Pol/Econ Chief", null));
        assertThat(one("Classified By: DAS Henrik Sollum, Reasons 1.4 (b) and (d)").title()).isEqualTo("DAS");
        assertThat(one("Classified By: A/PolCouns Ivy Marchetti for Reasons 1.4 (B, D)"))
                .isEqualTo(by("Ivy Marchetti", "A/PolCouns", null));
        assertThat(one("Classified By: POL M/C Walter R. Quist. Reasons 1.4(b/d)"))
                .isEqualTo(by("Walter R. Quist", "POL M/C", null));
    }

    @Test
    void aMisspeltTitleIsFiledAsTheTitle() {
        assertThat(one("Classified By: Ambassaor Carl Benning for reasons 1.4 (b) and (d)."))
                .isEqualTo(by("Carl Benning", "Ambassaor", null));
        assertThat(one("Classified By: Political Counselr Ruth Amesbury, reasons 1.4 (d)"))
                .isEqualTo(by("Ruth Amesbury", "Political Counselr", null));
        assertThat(one("CLASSIFIED BY: Dale Okafor, Ambasador; REASON: 1.4(B), (D)"))
                .isEqualTo(by("Dale Okafor", "Ambasador", null));
    }

    @Test
    void anOfficeWrittenBeforeTheTitleIsTheOffice() {
        assertThat(one("Classified By: EUR/RUS Director Hal Weston, reasons 1.4 (b) and (d)"))
                .isEqualTo(by("Hal Weston", "Director", "EUR/RUS"));
        assertThat(one("Classified By: Embassy Lakeview Political Counselor Ines Navarro for reasons 1.4 (d)"))
                .isEqualTo(by("Ines Navarro", "Political Counselor", "Embassy Lakeview"));
        assertThat(one("Classified By: Embassy Lakeview Ines Navarro for reasons 1.4 (d)"))
                .isEqualTo(by("Ines Navarro", null, "Embassy Lakeview"));
        assertThat(one("Classified By: USEU POLOFF GRETA SOLBERG, FOR REASONS 1.4 (B) AND (D)"))
                .isEqualTo(by("Greta Solberg", "POLOFF", "USEU"));
        assertThat(one("Classified By: EEB/ESC Tomas Reyes for reasons 1.4 (b)"))
                .isEqualTo(by("Tomas Reyes", null, "EEB/ESC"));
        assertThat(one("Classified By: ISN/MTR DIRECTOR PAUL GRANGER FOR REASONS 1.4 (B)"))
                .isEqualTo(by("Paul Granger", "DIRECTOR", "ISN/MTR"));
        assertThat(one("Classified By: Embassy Lake Town Rosa Imani, reasons 1.4 (b)"))
                .isEqualTo(by("Rosa Imani", null, "Embassy Lake Town"));
        assertThat(one("Classified By: Embassy Lake Town, reasons 1.4 (b)")).isEqualTo(by(null, null, "Embassy Lake Town"));
        assertThat(one("Classified By: Department of State, reasons 1.4 (b)"))
                .isEqualTo(by(null, null, "Department of State"));
    }

    @Test
    void theCommaPartsAfterTheNameAreTheTitleThenTheOffice() {
        assertThat(one("Classified By: Jane Q. Example, Ambassador, EXEC, Embassy Dushanbe.\nREASON: 1.4 (b), (d)"))
                .isEqualTo(by("Jane Q. Example", "Ambassador", "EXEC, Embassy Dushanbe"));
        assertThat(one("CLASSIFIED BY: Mel Ortiz, DCM, DOS, EXEC; REASON: 1.4(B), (D)"))
                .isEqualTo(by("Mel Ortiz", "DCM", "DOS, EXEC"));
        assertThat(one("Classified By: Dana C. Brooke, State POL; Reason: 1.4 (d)"))
                .isEqualTo(by("Dana C. Brooke", null, "State POL"));
        assertThat(one("Classified By: Ivan Petrakis, Counselor for Nuclear Policy, reasons 1.4 (b) and (d)"))
                .isEqualTo(by("Ivan Petrakis", "Counselor for Nuclear Policy", null));
        assertThat(one("Classified By: Deputy Chief of Mission, Karl B Olsen for reasons 1.4 b and d"))
                .isEqualTo(by("Karl B Olsen", "Deputy Chief of Mission", null));
        assertThat(one("Classified By: Charge d'Affaires, for reasons 1.4 (b) and (d)"))
                .isEqualTo(by(null, "Charge d'Affaires", null));
    }

    @Test
    void aReasonWordBrokenAcrossALineIsNotTheName() {
        Classifiers.Read r = Classifiers.read("Classified By: Ambassador Tom Reed for re\nason 1.4 (b) and (d).");
        assertThat(r.who()).containsExactly(by("Tom Reed", "Ambassador", null));
        assertThat(r.reasons()).containsExactly("1.4(b)", "1.4(d)");
        assertThat(one("Classified By: MINISTER-COUNSELOR FOR POLITICAL AFFAIRS HANS ROLLER FO \nR REASONS 1.4 (B)"))
                .isEqualTo(by("Hans Roller", "MINISTER-COUNSELOR FOR POLITICAL AFFAIRS", null));
    }

    @Test
    void aNameBrokenAcrossAFullLineIsMended() {
        assertThat(one("Classified By: Acting Minister Counselor for Political Affairs Andrew Y \noung, 1.4 (b/d)."))
                .isEqualTo(by("Andrew Young", "Acting Minister Counselor for Political Affairs", null));
    }

    @Test
    void junkAfterTheNameIsDropped() {
        assertThat(one("Classified By: Political Officer Lena Voss based on 1.4 (b)"))
                .isEqualTo(by("Lena Voss", "Political Officer", null));
        assertThat(one("Classified By: Ambassador Paul Wren, E.O 12958, 1.4 (b), (d)"))
                .isEqualTo(by("Paul Wren", "Ambassador", null));
        assertThat(one("Classified By: Ambassador Paul Wren CONFIDENTIAL")).isEqualTo(by("Paul Wren", "Ambassador", null));
        ParsedCable c = cable("""
                CLASSIFIED BY AMBASSADOR ALAN B. SAMPLE FOR
                CONFIDENTIAL

                PAGE 02        LAKEVIEW  00314  01 OF 02  111533Z
                REASONS 1.5 (B) AND (D).""");
        assertThat(c.classifiers()).containsExactly(by("Alan B. Sample", "AMBASSADOR", null));
        assertThat(c.reasons()).containsExactly("1.5(b)", "1.5(d)");
    }

    @Test
    void aNameIsReadWhenTheLineEndsInForUnderOrAi() {
        ParsedCable forLine = cable("Classified By: Ambassador Jane Roe for\n1.4 (b), (c), and (d).");
        assertThat(forLine.classifiers()).containsExactly(by("Jane Roe", "Ambassador", null));
        assertThat(forLine.reasons()).containsExactly("1.4(b)", "1.4(c)", "1.4(d)");
        ParsedCable under = cable("Classified By: DCM Felix Aranda under\n1.4 (d).");
        assertThat(under.classifiers()).containsExactly(by("Felix Aranda", "DCM", null));
        assertThat(under.reasons()).containsExactly("1.4(d)");
        ParsedCable ai = cable("Classified By: Charge d'Affaires a.i.\nPaul Dane; reasons 1.4 (b) and (d).");
        assertThat(ai.classifiers()).containsExactly(by("Paul Dane", "Charge d'Affaires a.i.", null));
        assertThat(one("Classified By: ERIK SOLANO, CHARGE D'AFFAIRES, A.I."))
                .isEqualTo(by("Erik Solano", "CHARGE D'AFFAIRES, A.I.", null));
    }

    @Test
    void aJuniorOrThirdSuffixStaysWithTheName() {
        assertThat(one("Classified by Ambassador Clark T. Benton, Jr. Reasons 1.4 (b) and (d)."))
                .isEqualTo(by("Clark T. Benton, Jr.", "Ambassador", null));
        assertThat(one("Classified By: DCM JAMES R. HOLT III FOR REASONS 1.4 (B) AND (D)"))
                .isEqualTo(by("James R. Holt III", "DCM", null));
        assertThat(one("Classified By: Warren Pike Jr., Political Counselor, reasons 1.4 (d)"))
                .isEqualTo(by("Warren Pike Jr.", "Political Counselor", null));
    }

    @Test
    void aSecondClassifierIsASecondEntry() {
        assertThat(who("Classified By: Ambassador Ruth Calder and DCM Simon Ashe, reasons 1.4 (b) and (d)"))
                .containsExactly(by("Ruth Calder", "Ambassador", null), by("Simon Ashe", "DCM", null));
        assertThat(who("Classified By: Polcouns Mara Lind; Econcouns Theo Brandt, reasons 1.4 (b)"))
                .containsExactly(by("Mara Lind", "Polcouns", null), by("Theo Brandt", "Econcouns", null));
        assertThat(who("Classified By: Coordinating Director for Development and Economic Affairs Noel Park,"
                + " reasons 1.4 (b)")).hasSize(1);
        ParsedCable two = cable("""
                Classified By: Ambassador Ruth Calder, reasons 1.4 (b).
                Classified By: Political Counselor Ada Winter, reasons 1.4 (d).""");
        assertThat(two.classifiers()).containsExactly(by("Ruth Calder", "Ambassador", null),
                by("Ada Winter", "Political Counselor", null));
        assertThat(two.reasons()).containsExactly("1.4(b)", "1.4(d)");
    }

    @Test
    void aDerivativeClassificationNamesNoOne() {
        assertThat(who("Classified By: Derived from Multiple Sources")).isEmpty();
        assertThat(who("Classified By: Derived From: DSCG 05-1, reasons 1.4 (c)")).isEmpty();
        ParsedCable c = cable("Classified By: Derived from Multiple Sources");
        assertThat(c.classifiers()).isEmpty();
        assertThat(c.facts().authorityBlock()).as("the element is there, though it names no one").isTrue();
    }

    @Test
    void aNameIsKeptAsWrittenUnlessWrittenInCapitals() {
        assertThat(one("Classified By: AMBASSADOR JOHN O'NEILL FOR REASONS 1.5 (B) AND (D).").name())
                .isEqualTo("John O'Neill");
        assertThat(one("Classified By: Econoff RKBrandt for Reasons 1.4 (b) and (d)"))
                .isEqualTo(by("RKBrandt", "Econoff", null));
        assertThat(one("Classified By: Ambassador Ella MacLeod-Harte, reasons 1.4 (d)").name())
                .isEqualTo("Ella MacLeod-Harte");
        assertThat(one("Classified By: Ambassador Ruth VAN DAMME for reasons 1.4 (d)").name())
                .isEqualTo("Ruth VAN DAMME");
        assertThat(one("Classified By: Political Officer Jean-Luc de la Fosse for reasons 1.4 (d)"))
                .isEqualTo(by("Jean-Luc de la Fosse", "Political Officer", null));
        assertThat(one("Classified By: D/Political Advisor B. \"Skip\" Norland. Reasons: 1.4 (b) an\nd (d)."))
                .isEqualTo(by("B. \"Skip\" Norland", "D/Political Advisor", null));
        assertThat(one("Classified By: XXXXXXXXXXXX, reasons 1.4 (b) and (d)").name()).isEqualTo("XXXXXXXXXXXX");
    }

    @Test
    void aWrappedReasonListBelongsToTheElementNotToTheBody() {
        ParsedCable c = cable("Classified By: Economic Counselor Oda Varga for reasons\n1.4, (b), (d), (e).");
        assertThat(c.reasons()).containsExactly("1.4(b)", "1.4(d)", "1.4(e)");
        assertThat(c.paragraphs()).extracting(ParsedParagraph::text).noneMatch(t -> t.contains("1.4"));
        ParsedCable afterBlank = cable("Classified By: AMBASSADOR LEO BRANDT, FOR REASON\n\n1.4(C).");
        assertThat(afterBlank.reasons()).containsExactly("1.4(c)");
        assertThat(afterBlank.paragraphs()).hasSize(1);
        ParsedCable cut = cable("Classified By: Political Counselor Ana Ruiz, reason 1.4\n(b and d).");
        assertThat(cut.reasons()).containsExactly("1.4(b)", "1.4(d)");
        assertThat(cut.paragraphs()).hasSize(1);
    }

    @Test
    void reasonsInAFlattenedLineStopAtTheParagraphGluedAfterThem() {
        assertThat(Classifiers.read("CLASSIFIED BY: Mel Ortiz, DCM. REASON: 1.4 (b), (d) 1. (C) Summary: The invented"
                + " minister said no.").reasons()).containsExactly("1.4(b)", "1.4(d)");
    }
}
