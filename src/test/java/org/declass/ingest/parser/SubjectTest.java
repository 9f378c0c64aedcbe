package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The SUBJECT element, with invented cables in the real format. */
class SubjectTest {

    /** An invented confidential cable: text header from the E.O. line on, the given lines, then the body. */
    private static String text(String headerLines, String body) {
        return SampleCables.LAKEVIEW_HEAD + """
                E.O. 12958: DECL: 06/06/2018
                TAGS: PGOV PREL XY
                """ + headerLines + "\n" + body + """

                EXAMPLE
                """;
    }

    private static final String BODY = """
            Classified By: Jane Q. Example, Ambassador. REASON: 1.4 (b), (d)

            1. (C) The invented ministry presented a new irrigation plan.

            2. (U) Donors agreed to meet again in July.
            """;

    private static ParsedCable parse(String text) {
        ParseResult r = new CableParser().parse(text);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).cable();
    }

    private static ParsedCable cable(String headerLines, String body) {
        return parse(text(headerLines, body));
    }

    private static ParsedCable cable(String headerLines) {
        return cable(headerLines, BODY);
    }

    private static String segmentText(ParsedCable c, String original, SegmentKind kind) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : c.segments()) {
            if (s.kind() == kind) {
                sb.append(original, s.start(), s.end());
            }
        }
        return sb.toString();
    }

    @Test
    void aGluedRefsKeywordEndsTheSubject() {
        ParsedCable c = cable("""
                SUBJECT: INVENTED MINISTER MEETS DONORS IN LAKEVIEW Ref(s): A) 08 LAKEVIEW 138; B) 08 LAKEVIEW 0044
                """);
        assertThat(c.subject()).isEqualTo("INVENTED MINISTER MEETS DONORS IN LAKEVIEW");
        assertThat(c.references()).isNotEmpty();
    }

    @Test
    void aGluedLowerCaseRefOrReftelEndsTheSubject() {
        for (String keyword : List.of("ref:", "Ref:", "Refs:", "REFTEL:", "Reftel:")) {
            ParsedCable c = cable("Subject: invented talks on the river dam " + keyword + " 09 state 1234\n");
            assertThat(c.subject()).as(keyword).isEqualTo("invented talks on the river dam");
        }
    }

    @Test
    void aGluedSensitiveButUnclassifiedStatementEndsTheSubject() {
        ParsedCable c = cable("""
                SUBJECT: INVENTED HARBOR VISIT Sensitive But Unclassified - Please handle accordingly.
                """);
        assertThat(c.subject()).isEqualTo("INVENTED HARBOR VISIT");
        assertThat(c.captions()).contains("SENSITIVE");

        ParsedCable d = cable("""
                SUBJECT: INVENTED CLIMATE TALKS (U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED AND NOT FOR INTERNET
                DISTRIBUTION.
                """);
        assertThat(d.subject()).isEqualTo("INVENTED CLIMATE TALKS");

        ParsedCable e = cable("SUBJECT: NEW RULES FOR SENSITIVE BUT UNCLASSIFIED INFORMATION\n");
        assertThat(e.subject()).isEqualTo("NEW RULES FOR SENSITIVE BUT UNCLASSIFIED INFORMATION");
    }

    @Test
    void backslashContinuationMarksAreRemoved() {
        ParsedCable c = cable("""
                SUBJECT: INVENTED PORT AUTHORITY\\
                CHANGES ITS TARIFFS\\
                \\
                REF: LAKEVIEW 388\\
                """);
        assertThat(c.subject()).isEqualTo("INVENTED PORT AUTHORITY CHANGES ITS TARIFFS");
    }

    @Test
    void aRepeatedClassLineInsideTheSubjectIsDropped() {
        ParsedCable c = cable("""
                SUBJECT: INVENTED ASSISTANT SECRETARY MEETS WITH
                CONFIDENTIAL
                OPPOSITION LEADER
                """);
        assertThat(c.subject()).isEqualTo("INVENTED ASSISTANT SECRETARY MEETS WITH OPPOSITION LEADER");
    }

    @Test
    void aPageLineGluedToTheSubjectIsDroppedAndKeptAsAPageBreak() {
        String header = "SUBJECT: INVENTED DEFORESTATION UPDATE LAKEVIEW 00000417 001.2 OF 003\n";
        ParsedCable c = cable(header);
        assertThat(c.subject()).isEqualTo("INVENTED DEFORESTATION UPDATE");
        assertThat(c.segments()).extracting(Segment::kind).contains(SegmentKind.PAGE_BREAK);
    }

    @Test
    void aLowerCaseLineAfterABlankLineContinuesTheSubject() {
        ParsedCable c = cable("""
                Subject: visit of the invented trade

                delegation to lakeview

                Ref: 09 state 1234
                """);
        assertThat(c.subject()).isEqualTo("visit of the invented trade delegation to lakeview");
    }

    @Test
    void aLineAfterABlankLineContinuesASubjectEndingMidPhrase() {
        ParsedCable c = cable("""
                SUBJECT: INVENTED COALITION TALKS AFTER THE

                REGIONAL ELECTIONS

                REF: LAKEVIEW 388
                """);
        assertThat(c.subject()).isEqualTo("INVENTED COALITION TALKS AFTER THE REGIONAL ELECTIONS");
    }

    @Test
    void anIsolatedFragmentBetweenTheSubjectAndTheRefContinuesTheSubject() {
        ParsedCable c = cable("""
                SUBJECT: WAITING AND WATCHING: THE INVENTED REPUBLIC AFTER CURRENCY

                REFORM

                REF: 09 LAKEVIEW 167
                """);
        assertThat(c.subject()).isEqualTo("WAITING AND WATCHING: THE INVENTED REPUBLIC AFTER CURRENCY REFORM");
    }

    @Test
    void theBodyAfterABlankLineIsNotSwallowedIntoTheSubject() {
        String body = """
                Embassy officers met the invented minister of water on
                June 3 and discussed the plan in detail.

                2. (U) Donors agreed to meet again in July.
                """;
        ParsedCable c = cable("SUBJECT: INVENTED MEETING WITH THE MINISTER OF\n\nREFORM\n", body);
        assertThat(c.subject()).isEqualTo("INVENTED MEETING WITH THE MINISTER OF REFORM");
        assertThat(c.paragraphs()).hasSize(2);

        ParsedCable d = cable("SUBJECT: INVENTED MEETING WITH THE MINISTER OF\n", body);
        assertThat(d.subject()).isEqualTo("INVENTED MEETING WITH THE MINISTER OF");
        assertThat(d.paragraphs()).hasSize(2);
        assertThat(d.paragraphs().get(0).text()).startsWith("Embassy officers met");
    }

    @Test
    void aGluedStatementIsACaptionSegmentNotPartOfTheSubjectSegment() {
        String text = text("SUBJECT: INVENTED HARBOR VISIT Sensitive But Unclassified - Please handle accordingly.\n",
                BODY);
        ParsedCable c = parse(text);
        assertThat(segmentText(c, text, SegmentKind.SUBJECT)).contains("INVENTED HARBOR VISIT")
                .doesNotContain("Sensitive");
        assertThat(segmentText(c, text, SegmentKind.CAPTION)).contains("Sensitive But Unclassified");
    }
}
