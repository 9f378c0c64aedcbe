package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.declass.marking.Marking;
import org.junit.jupiter.api.Test;

/**
 * The body reader's portions, read from invented cables in the real format: a reason list wrapped below Classified
 * By stays part of it, headings and bullets that carry their own mark are portions with that mark, and every other
 * portion keeps no mark of its own (it inherits the cable's marking, deny by default) rather than a lower one.
 */
class BodyPortionsTest {

    private static final String HEADER = """
            S E C R E T HARBORVILLE 000123

            SIPDIS

            E.O. 12958: DECL: 03/14/2019
            TAGS: PREL PGOV XX
            SUBJECT: INVENTED TALKS ON RIVER TRAFFIC

            REF: STATE 4567

            """;

    private static final String CAB = "Classified By: Political Counselor Ann B. Sample, reasons 1.4 (b) and (d).\n\n";

    private static final String OPENING = "\n\n1. (U) The invented talks opened on Monday.\n\nSAMPLE\n";

    private static String cable(String cabAndBody) {
        return HEADER + cabAndBody;
    }

    private static ParsedCable parse(String text) {
        return SampleCables.parseLossless(text);
    }

    private static Marking mark(String portionMark) {
        return Marking.parsePortion(portionMark).orElseThrow();
    }

    private static SegmentKind kindAt(ParsedCable c, int offset) {
        return c.segments().stream().filter(s -> s.start() <= offset && offset < s.end()).map(Segment::kind)
                .findFirst().orElseThrow();
    }

    /** The wrapped reason text is Classified By, and the body's first portion is paragraph 1, with no heading. */
    private static void assertReasonStaysWithClassifiedBy(String cabLines, String fragment) {
        String text = cable(cabLines + OPENING);
        ParsedCable c = parse(text);
        assertThat(c.paragraphs()).extracting(ParsedParagraph::number).containsExactly(1);
        ParsedParagraph first = c.paragraphs().get(0);
        assertThat(first.heading()).isNull();
        assertThat(first.marking()).isEqualTo(mark("(U)"));
        assertThat(first.text()).isEqualTo("The invented talks opened on Monday.");
        assertThat(kindAt(c, text.indexOf(fragment))).isEqualTo(SegmentKind.CAB);
    }

    @Test
    void aReasonListWrappedBelowAReasonsKeywordIsNotAParagraph() {
        assertReasonStaysWithClassifiedBy(
                "Classified By: Political Counselor Ann B. Sample for reasons\n1.4 (b), (c), and (d).",
                "1.4 (b), (c), and (d).");
    }

    @Test
    void aReasonListWrappedAfterACommaIsNotAConfidentialParagraph() {
        assertReasonStaysWithClassifiedBy(
                "Classified By: Ann B. Sample, Counselor, for reasons 1.4 (b),\n(c), and (d).", "(c), and (d).");
    }

    @Test
    void aReasonListWrappedAfterTheSectionNumberIsNotAParagraph() {
        assertReasonStaysWithClassifiedBy("Classified By: Ann B. Sample, Counselor, Reason: 1.4\n(b), (c), and (d).",
                "(b), (c), and (d).");
        assertReasonStaysWithClassifiedBy("Classified By: Ann B. Sample, Counselor, Reason: 1.\n4 (b) and (d).",
                "4 (b) and (d).");
    }

    @Test
    void aReasonLetterWrappedInsideItsParenthesesIsNotAParagraph() {
        assertReasonStaysWithClassifiedBy("Classified By: Ann B. Sample, Counselor, for reasons 1.4 (b) ( \nd). ",
                "d). ");
        assertReasonStaysWithClassifiedBy("Classified By: Ann B. Sample, Counselor, for reasons 1.4(b,\nd).", "d).");
    }

    @Test
    void aReasonListAfterABlankLineBelowAnOpenReasonKeywordIsNotAParagraph() {
        assertReasonStaysWithClassifiedBy("Classified By: Ambassador Ann B. Sample, FOR REASON \n\n1.4(C).",
                "1.4(C).");
        assertReasonStaysWithClassifiedBy("Classified By: Ann B. Sample for reasons\n1.4, (b), (d), (e).",
                "1.4, (b), (d), (e).");
    }

    @Test
    void aReasonKeywordAloneOnItsLineWithTheListAfterABlankLineIsNotAHeading() {
        assertReasonStaysWithClassifiedBy("CLASSIFIED BY: Ann B. Sample, Counselor, POL, State.\nREASON:\n\n1.4 (b), (d)",
                "1.4 (b), (d)");
    }

    @Test
    void aReasonListWrappedBelowAClassifiedByGluedToTheSubjectIsNotAParagraph() {
        String text = """
                C O N F I D E N T I A L HARBORVILLE 000124

                E.O. 12958: DECL: 03/15/2019
                TAGS: PREL XX
                SUBJECT: INVENTED FERRY STRIKEClassified By: Ann B. Sample for reasons
                1.4 (b), (c),
                (d).

                1. (U) The invented ferry strike ended on Monday.

                SAMPLE
                """;
        ParsedCable c = parse(text);
        assertThat(c.paragraphs()).extracting(ParsedParagraph::number).containsExactly(1);
        assertThat(kindAt(c, text.indexOf("1.4 (b), (c),"))).isEqualTo(SegmentKind.CAB);
        assertThat(kindAt(c, text.indexOf("(d)."))).isEqualTo(SegmentKind.CAB);
    }

    @Test
    void aMarkedLineBelowACompleteClassifiedByIsStillAPortion() {
        ParsedCable c = parse(cable(CAB + "(C) The invented talks opened on Monday.\n\n(S) They closed on Friday.\n"
                + "\nSAMPLE\n"));
        assertThat(c.paragraphs()).extracting(ParsedParagraph::marking).containsExactly(mark("(C)"), mark("(S)"));
    }

    @Test
    void aRomanNumberedHeadingWithItsOwnMarkIsAPortionWithThatMark() {
        String text = cable(CAB + """
                I. (U) River Traffic

                A. Barges pass the invented lock twice a day.

                II. (S) Regional Issues

                A. The neighbouring province wants a share of the tolls.

                SAMPLE
                """);
        ParsedCable c = parse(text);
        List<ParsedParagraph> ps = c.paragraphs();
        assertThat(ps).extracting(ParsedParagraph::text).containsExactly("River Traffic",
                "A. Barges pass the invented lock twice a day.", "Regional Issues",
                "A. The neighbouring province wants a share of the tolls.");
        assertThat(ps).extracting(ParsedParagraph::sub).containsExactly("I", null, "II", null);
        assertThat(ps).extracting(ParsedParagraph::marking).containsExactly(mark("(U)"), null, mark("(S)"), null);
    }

    @Test
    void anUnmarkedItemDirectlyBelowAMarkedHeadingDoesNotTakeTheHeadingsMark() {
        ParsedCable c = parse(cable(CAB + """
                II. (U) Public Statements
                A. The invented minister will resign after the vote.
                B. His deputy is expected to succeed him.

                SAMPLE
                """));
        assertThat(c.paragraphs()).extracting(ParsedParagraph::marking).containsExactly(mark("(U)"), null);
        assertThat(c.paragraphs()).extracting(ParsedParagraph::text).containsExactly("Public Statements",
                "A. The invented minister will resign after the vote.\nB. His deputy is expected to succeed him.");
    }

    @Test
    void aMarkedHeadingAboveALowerParagraphIsNotFiledAsThatParagraphsHeading() {
        String text = cable(CAB + """
                1. (U) The invented talks opened on Monday.

                II. (S) Regional Issues

                2. (U) The press release named no province.

                SAMPLE
                """);
        ParsedCable c = parse(text);
        assertThat(c.paragraphs()).hasSize(3);
        ParsedParagraph heading = c.paragraphs().get(1);
        assertThat(heading.marking()).isEqualTo(mark("(S)"));
        assertThat(heading.text()).isEqualTo("Regional Issues");
        ParsedParagraph two = c.paragraphs().get(2);
        assertThat(two.number()).isEqualTo(2);
        assertThat(two.heading()).isNull();
        assertThat(two.marking()).isEqualTo(mark("(U)"));
        assertThat(text.substring(two.start(), two.end())).doesNotContain("Regional");
    }

    @Test
    void aParenthesisedNumberHeadingWithItsOwnMarkIsAPortionWithThatMark() {
        String text = cable(CAB + """
                (6) (S) Invented Smuggling Routes

                A. Two routes cross the river at night.

                (7). (C) Invented Border Posts

                A. The posts are staffed by day only.

                8. (U) Point of contact is the invented consulate.

                SAMPLE
                """);
        ParsedCable c = parse(text);
        List<ParsedParagraph> ps = c.paragraphs();
        assertThat(ps).extracting(ParsedParagraph::sub).containsExactly("6", null, "7", null, null);
        assertThat(ps).extracting(ParsedParagraph::marking).containsExactly(mark("(S)"), null, mark("(C)"), null,
                mark("(U)"));
        assertThat(ps.get(0).text()).isEqualTo("Invented Smuggling Routes");
        assertThat(ps.get(4).number()).isEqualTo(8);
    }

    @Test
    void aLetteredHeadingWithItsOwnMarkBeforeParagraphOneIsAPortionWithThatMark() {
        String text = cable(CAB + """
                A. (C) Regional Issues

                1. (U) The press release named no province.

                SAMPLE
                """);
        ParsedCable c = parse(text);
        assertThat(c.paragraphs()).hasSize(2);
        assertThat(c.paragraphs().get(0).sub()).isEqualTo("A");
        assertThat(c.paragraphs().get(0).marking()).isEqualTo(mark("(C)"));
        assertThat(c.paragraphs().get(0).text()).isEqualTo("Regional Issues");
        assertThat(c.paragraphs().get(1).heading()).isNull();
        assertThat(c.paragraphs().get(1).marking()).isEqualTo(mark("(U)"));
    }

    @Test
    void aMarkedHeadingBetweenRulesKeepsItsMark() {
        String text = cable(CAB + """
                1. (U) The invented talks opened on Monday.

                ----------------------
                II. (S) Regional Issues
                ----------------------

                2. (U) The press release named no province.

                SAMPLE
                """);
        ParsedCable c = parse(text);
        assertThat(c.paragraphs()).extracting(ParsedParagraph::marking).containsExactly(mark("(U)"), mark("(S)"),
                mark("(U)"));
        assertThat(c.paragraphs().get(1).text()).startsWith("Regional Issues");
        assertThat(c.paragraphs().get(2).heading()).isNull();
    }

    @Test
    void markedBulletsUnderAnUnmarkedKeyPointsLineAreReadWithTheirOwnMarks() {
        String text = cable(CAB + """
                1. Key Points:

                -- (S) The invented minister will not sign the river accord
                before the elections.

                -- (S//NF) A liaison contact says the accord text has leaked.

                - (C) The ferry operators are on strike.

                A. (C) The strike began on Tuesday.

                2. (U) The talks resume next week.

                SAMPLE
                """);
        ParsedCable c = parse(text);
        List<ParsedParagraph> ps = c.paragraphs();
        assertThat(ps).extracting(ParsedParagraph::number).containsExactly(1, 1, 1, 1, 1, 2);
        assertThat(ps).extracting(ParsedParagraph::marking).containsExactly(null, mark("(S)"), mark("(S//NF)"),
                mark("(C)"), mark("(C)"), mark("(U)"));
        assertThat(ps.get(0).text()).isEqualTo("Key Points:");
        assertThat(ps.get(1).text()).isEqualTo("The invented minister will not sign the river accord\nbefore the "
                + "elections.");
        assertThat(ps.get(2).text()).isEqualTo("A liaison contact says the accord text has leaked.");
        assertThat(ps.get(4).sub()).isEqualTo("A");
    }

    @Test
    void aMarkedBulletInsideALowerParagraphIsNotReleasedWithIt() {
        ParsedCable c = parse(cable(CAB + """
                2. (U) The invented delegation listed its findings:
                -- (C) The lock gates need new seals.
                -- (U) The towpath is open again.

                SAMPLE
                """));
        assertThat(c.paragraphs()).extracting(ParsedParagraph::marking).containsExactly(mark("(U)"), mark("(C)"),
                mark("(U)"));
        assertThat(c.paragraphs().get(0).text()).isEqualTo("The invented delegation listed its findings:");
        assertThat(c.paragraphs().get(1).text()).isEqualTo("The lock gates need new seals.");
    }

    @Test
    void unmarkedTextAfterMarkedBulletsIsAnUnmarkedPortionNotPartOfTheLastBullet() {
        ParsedCable c = parse(cable(CAB + """
                3. (S) The invented delegation listed its findings:

                -- (U) The towpath is open again.
                -- The lock keeper was replaced.

                The delegation added that the new keeper reports to the
                provincial police.

                4. (U) The talks resume next week.

                SAMPLE
                """));
        List<ParsedParagraph> ps = c.paragraphs();
        assertThat(ps).extracting(ParsedParagraph::number).containsExactly(3, 3, 3, 3, 4);
        assertThat(ps).extracting(ParsedParagraph::marking).containsExactly(mark("(S)"), mark("(U)"), null, null,
                mark("(U)"));
        assertThat(ps.get(1).text()).isEqualTo("The towpath is open again.");
        assertThat(ps.get(2).text()).isEqualTo("-- The lock keeper was replaced.");
        assertThat(ps.get(3).text()).startsWith("The delegation added");
    }

    @Test
    void aNumberedParagraphWrittenWithACommaKeepsItsMark() {
        ParsedCable c = parse(cable(CAB + """
                1. (S) The invented minister refused to sign.

                2, (U) The talks resume next week.

                SAMPLE
                """));
        assertThat(c.paragraphs()).extracting(ParsedParagraph::number).containsExactly(1, 2);
        assertThat(c.paragraphs()).extracting(ParsedParagraph::marking).containsExactly(mark("(S)"), mark("(U)"));
    }
}
