package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.declass.marking.ClassificationLevel;
import org.declass.marking.DeclassificationKind;
import org.declass.marking.Finding;
import org.declass.marking.Marking;
import org.junit.jupiter.api.Test;

class CableParserTest {

    private static boolean has(ParsedCable c, String code) {
        return c.findings().stream().map(Finding::code).anyMatch(code::equals);
    }

    @Test
    void spacedConfidentialClassLineGivesLevelOriginAndSerial() {
        ParsedCable c = SampleCables.parse("canonical");
        assertThat(c.classification()).isEqualTo(Marking.of(ClassificationLevel.CONFIDENTIAL));
        assertThat(c.banner()).isEqualTo("CONFIDENTIAL");
        assertThat(c.origin()).isEqualTo("DUSHANBE");
        assertThat(c.serial()).isEqualTo("417");
        assertThat(c.reference()).isEqualTo("08DUSHANBE417");
        assertThat(c.date()).isEqualTo(LocalDate.of(2008, 6, 6));
        assertThat(c.sections()).isEqualTo(1);
    }

    @Test
    void canonicalHeaderFieldsAreRead() {
        ParsedCable c = SampleCables.parse("canonical");
        assertThat(c.captions()).containsExactly("SIPDIS");
        assertThat(c.declassification().kind()).isEqualTo(DeclassificationKind.DATE);
        assertThat(c.declassification().order()).isEqualTo("12958");
        assertThat(c.declassification().date()).isEqualTo(LocalDate.of(2018, 6, 6));
        assertThat(c.declassification().raw()).isEqualTo("DECL: 06/06/2018");
        assertThat(c.tags()).containsExactly("PGOV", "PREL", "ECON", "TI");
        assertThat(c.subject()).isEqualTo("TAJIKISTAN: INVENTED MINISTRY REVIEWS IRRIGATION PLAN FOR SPRING");
        assertThat(c.referenceTexts()).containsExactly("A. DUSHANBE 388", "B. STATE 51122");
        assertThat(c.classifiedBy()).isEqualTo(new ClassifiedBy("Jane Q. Example", "Ambassador", "EXEC, Embassy Dushanbe"));
        assertThat(c.reasons()).containsExactly("1.4(b)", "1.4(d)");
    }

    @Test
    void paragraphsCarryNumberMarkHeadingAndTextWithOffsets() {
        String text = SampleCables.load("canonical");
        ParsedCable c = SampleCables.parse("canonical");
        assertThat(c.paragraphs()).hasSize(3);
        ParsedParagraph p2 = c.paragraphs().get(1);
        assertThat(p2.number()).isEqualTo(2);
        assertThat(p2.heading()).isEqualTo("WATER ALLOCATION");
        assertThat(p2.marking()).isEqualTo(Marking.of(ClassificationLevel.CONFIDENTIAL));
        assertThat(p2.text()).startsWith("The deputy minister").endsWith("in stages.");
        assertThat(text.substring(p2.start(), p2.end())).startsWith("WATER ALLOCATION").endsWith("in stages.");
        assertThat(c.paragraphs().get(2).marking().level()).isEqualTo(ClassificationLevel.UNCLASSIFIED);
    }

    @Test
    void trailerSignatureIsASegment() {
        String text = SampleCables.load("canonical");
        ParsedCable c = SampleCables.parse("canonical");
        Segment sig = c.segments().stream().filter(s -> s.kind() == SegmentKind.SIGNATURE).findFirst().orElseThrow();
        assertThat(text.substring(sig.start(), sig.end()).trim()).isEqualTo("EXAMPLE");
    }

    @Test
    void multiSectionSecretNofornCableDropsPageLinesAndSplitsOwnMarkedSubParagraphs() {
        ParsedCable c = SampleCables.parse("multisection");
        assertThat(c.banner()).isEqualTo("SECRET//NOFORN");
        assertThat(c.sections()).isEqualTo(2);
        assertThat(c.subjectMarking()).isEqualTo(Marking.parsePortion("(S//NF)").orElseThrow());
        assertThat(c.subject()).isEqualTo("INVENTED HARBOR SECURITY ASSESSMENT");
        assertThat(c.paragraphs()).extracting(ParsedParagraph::number).containsExactly(1, 2, 2, 2, 2, 3, 4, 5);
        assertThat(c.paragraphs()).extracting(ParsedParagraph::sub).containsExactly(null, null, "A", "B", "C", null,
                null, null);
        ParsedParagraph p3 = c.paragraphs().get(5);
        assertThat(p3.text()).contains("¶1997. the harbor").doesNotContain("RIVERTON 00000412");
        assertThat(c.paragraphs().get(6).marking().controls()).containsExactly("REL TO LIBYA");
        assertThat(c.paragraphs().get(7).marking().controls()).containsExactly(Marking.SBU);
    }

    @Test
    void anUnmarkedLetteredItemAfterAMarkedOneIsAPortionOfItsOwnAndNotTheTextOfTheMarkedItem() {
        ParsedCable c = SampleCables.parse("multisection");
        ParsedParagraph b = c.paragraphs().get(3);
        ParsedParagraph item = c.paragraphs().get(4);
        // "C." belongs to the (C/NF) paragraph 2: filed under the (C) item B, it would reach readers who may not
        // receive NOFORN material; unmarked, it inherits the cable's SECRET//NOFORN for access
        assertThat(b.marking()).isEqualTo(Marking.parsePortion("(C)").orElseThrow());
        assertThat(b.text()).isEqualTo("Two additional patrol boats.");
        assertThat(item.marking()).isNull();
        assertThat(item.text()).isEqualTo("Better lighting along the quay.");
        assertThat(CableReader.nextItemLabel("C. Better", "B")).isEqualTo(3);
        assertThat(CableReader.nextItemLabel("(c) better", "b")).isEqualTo(4);
        assertThat(CableReader.nextItemLabel("D. Better", "B")).isZero();
        assertThat(CableReader.nextItemLabel("C.Better", "B")).isZero();
        assertThat(CableReader.nextItemLabel("c. Better", "B")).isZero();
        assertThat(c.segments()).filteredOn(s -> s.kind() == SegmentKind.PAGE_BREAK).hasSize(2);
    }

    @Test
    void partialExtractWithAcp126HeaderRemovesRepeatedSectionHeaders() {
        ParsedCable c = SampleCables.parse("partial-acp126");
        assertThat(c.partial()).isTrue();
        assertThat(c.reference()).isEqualTo("01LAKEVIEW211");
        assertThat(c.date()).isEqualTo(LocalDate.of(2001, 3, 11));
        assertThat(c.declassification().date()).isEqualTo(LocalDate.of(2011, 3, 11));
        assertThat(c.paragraphs()).extracting(ParsedParagraph::number).containsExactly(1, 2, 3);
        assertThat(c.paragraphs().get(1).heading()).isNull();
        assertThat(c.paragraphs()).allSatisfy(p -> assertThat(p.text()).doesNotContain("PAGE 0", "ACTION EUR"));
        assertThat(c.classifiedBy().name()).isEqualTo("Alan B. Sample");
        assertThat(c.reasons()).containsExactly("1.5(b)", "1.5(d)");
    }

    @Test
    void sentenceCaseClassLineAndEventDeclAreRead() {
        ParsedCable c = SampleCables.parse("sentence-case", new ParseHints(null, LocalDate.of(2009, 4, 1)));
        assertThat(c.classification().level()).isEqualTo(ClassificationLevel.CONFIDENTIAL);
        assertThat(c.origin()).isEqualTo("SEOUL");
        assertThat(c.reference()).isEqualTo("09SEOUL321");
        assertThat(c.declassification().kind()).isEqualTo(DeclassificationKind.EVENT);
        assertThat(c.declassification().event()).isEqualTo("after korean unification");
        assertThat(c.reasons()).containsExactly("1.4(b)", "1.4(d)");
    }

    @Test
    void hintsReferenceWins() {
        ParsedCable c = SampleCables.parse("canonical", new ParseHints("08DUSHANBE9999", null));
        assertThat(c.reference()).isEqualTo("08DUSHANBE9999");
    }

    @Test
    void ninetiesCableWithEntireTextOadrAndStampTrailer() {
        String text = SampleCables.load("nineties");
        ParsedCable c = SampleCables.parse("nineties");
        assertThat(c.declassification().kind()).isEqualTo(DeclassificationKind.OADR);
        assertThat(c.declassification().order()).isEqualTo("12356");
        assertThat(c.entireText()).isEqualTo(Marking.of(ClassificationLevel.CONFIDENTIAL));
        assertThat(c.reference()).isEqualTo("95IZMIR819");
        assertThat(c.segments()).extracting(Segment::kind).contains(SegmentKind.BOTTOM_CLASS,
                SegmentKind.END_OF_MESSAGE, SegmentKind.DECLASSIFICATION_STAMP);
        c.segments().stream().filter(s -> s.kind() == SegmentKind.SIGNATURE)
                .forEach(s -> assertThat(text.substring(s.start(), s.end())).doesNotContain("Declassified"));
    }

    @Test
    void xCodeDeclGivesExemptions() {
        ParsedCable c = SampleCables.parse("xcode");
        assertThat(c.declassification().kind()).isEqualTo(DeclassificationKind.EXEMPTION);
        assertThat(c.declassification().exemptions()).containsExactly("X1", "X5");
    }

    @Test
    void unclassifiedSensitiveCableIsSbuWithNotApplicableDecl() {
        ParsedCable c = SampleCables.parse("unclas-sbu");
        assertThat(c.banner()).isEqualTo("UNCLASSIFIED//SBU");
        assertThat(c.declassification().kind()).isEqualTo(DeclassificationKind.NOT_APPLICABLE);
        assertThat(c.captions()).containsExactly("SIPDIS", "SENSITIVE");
        assertThat(c.paragraphs().get(2).marking().controls()).contains(Marking.SBU, Marking.NOFORN);
    }

    @Test
    void flattenedOneLineHeaderIsSplitIntoItsElements() {
        ParsedCable c = SampleCables.parse("flattened");
        assertThat(c.origin()).isEqualTo("STATE");
        assertThat(c.captions()).containsExactly("SIPDIS");
        assertThat(c.declassification().date()).isEqualTo(LocalDate.of(2020, 1, 4));
        assertThat(c.tags()).containsExactly("MASS", "MARR", "PREL", "XX");
        assertThat(c.subject()).isEqualTo("INVENTED TRANSFER REQUEST");
        assertThat(c.subjectMarking().level()).isEqualTo(ClassificationLevel.CONFIDENTIAL);
        assertThat(c.referenceTexts()).containsExactly("STATE 1234");
        assertThat(c.reasons()).containsExactly("1.4(b)", "1.4(d)");
        assertThat(c.reference()).isEqualTo("10STATE284");
        assertThat(has(c, "P-YEAR-INFERRED")).isTrue();
        assertThat(c.segments()).extracting(Segment::kind).contains(SegmentKind.CLASS_LINE, SegmentKind.EO_LINE,
                SegmentKind.TAGS, SegmentKind.SUBJECT, SegmentKind.REF, SegmentKind.CAB);
    }

    @Test
    void typosAreToleratedAndReported() {
        ParsedCable c = SampleCables.parse("typos");
        assertThat(c.banner()).isEqualTo("CONFIDENTIAL//NOFORN");
        assertThat(c.declassification().order()).isEqualTo("12958");
        assertThat(c.tags()).containsExactly("PREL", "PGOV", "KDEM", "BA");
        assertThat(c.subject()).isEqualTo("INVENTED PARLIAMENT SESSION");
        assertThat(c.paragraphs()).extracting(p -> p.marking().level())
                .containsExactly(ClassificationLevel.CONFIDENTIAL, ClassificationLevel.CONFIDENTIAL);
        assertThat(c.findings()).extracting(Finding::code).contains("P-CLASS-LINE-MALFORMED", "P-EO-ORDER",
                "P-TAGS-KEYWORD", "P-PORTION-MALFORMED");
        assertThat(c.segments()).extracting(Segment::kind).contains(SegmentKind.ADDRESSEE, SegmentKind.EO_LINE);
    }

    @Test
    void cableWithoutClassLineIsParsedWithAFinding() {
        ParsedCable c = SampleCables.parse("no-class-line");
        assertThat(has(c, "P-NO-CLASS-LINE")).isTrue();
        assertThat(c.reference()).isNull();
        assertThat(c.classification().level()).isEqualTo(ClassificationLevel.CONFIDENTIAL);
    }

    @Test
    void redactedOriginGivesNoReferenceAndAFinding() {
        ParsedCable c = SampleCables.parse("redacted");
        assertThat(c.reference()).isNull();
        assertThat(has(c, "P-REDACTED")).isTrue();
        assertThat(c.declassification().date()).isEqualTo(LocalDate.of(2019, 10, 15));
    }

    @Test
    void findingsNeverQuoteParagraphText() {
        for (String name : SampleCables.ALL) {
            ParsedCable c = SampleCables.parse(name);
            for (Finding f : c.findings()) {
                for (ParsedParagraph p : c.paragraphs()) {
                    if (p.text().length() > 12) {
                        assertThat(f.message()).doesNotContain(p.text().substring(0, 12));
                    }
                }
            }
        }
    }

    @Test
    void everySampleReassemblesByteExact() {
        for (String name : SampleCables.ALL) {
            String text = SampleCables.load(name);
            ParsedCable c = SampleCables.parse(name);
            assertThat(CableParser.coversExactly(text, c.segments())).as(name).isTrue();
            assertThat(CableParser.reassemble(text, c.segments())).as(name).isEqualTo(text);
        }
    }
}
