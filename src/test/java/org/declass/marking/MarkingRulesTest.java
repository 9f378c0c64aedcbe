package org.declass.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.marking.ClassificationLevel.CONFIDENTIAL;
import static org.declass.marking.ClassificationLevel.SECRET;
import static org.declass.marking.ClassificationLevel.UNCLASSIFIED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each rule of the rule table, on small invented cables: one that passes and one that does not. */
class MarkingRulesTest {

    private static final LocalDate DATE = LocalDate.of(2008, 6, 6);

    /** A well-marked CONFIDENTIAL cable of 2008: class line, CAB with 1.4 (b)(d), DECL ten years on, (C) and (U). */
    static Builder confidential2008() {
        return new Builder();
    }

    static final class Builder {
        LocalDate date = DATE;
        String reference = "08DUSHANBE417";
        List<CableMarkings.ClassLine> classLines = new ArrayList<>(
                List.of(new CableMarkings.ClassLine(5, 1, CONFIDENTIAL, "DUSHANBE", "417")));
        CableMarkings.BottomClass bottom;
        ClassificationLevel fl4 = CONFIDENTIAL;
        Integer dtgYear = 2008;
        String stationSerial = "417";
        List<String> captions = new ArrayList<>(List.of("SIPDIS"));
        Marking banner = Marking.of(CONFIDENTIAL);
        Marking entireText;
        Marking subject;
        List<CableMarkings.Portion> portions = new ArrayList<>(List.of(
                new CableMarkings.Portion(1, 1, 20, Marking.of(CONFIDENTIAL)),
                new CableMarkings.Portion(2, 2, 24, Marking.of(UNCLASSIFIED))));
        Declassification decl = new Declassification("DECL: 06/06/2018", DeclassificationKind.DATE, "12958",
                LocalDate.of(2018, 6, 6), List.of(), null);
        String section = "1.4";
        List<String> letters = List.of("b", "d");
        boolean cab = true;

        Builder banner(Marking m) {
            banner = m;
            return this;
        }

        Builder portion(Integer number, Marking m) {
            portions.add(new CableMarkings.Portion(portions.size() + 1, number, 30 + portions.size(), m));
            return this;
        }

        Builder date(LocalDate d) {
            date = d;
            return this;
        }

        Builder decl(DeclassificationKind kind, String order, LocalDate d, String... exemptions) {
            decl = new Declassification("DECL: x", kind, order, d, List.of(exemptions), null);
            return this;
        }

        Builder reason(String s, String... l) {
            section = s;
            letters = List.of(l);
            return this;
        }

        CableMarkings build() {
            return new CableMarkings(date, LocalDate.of(2026, 1, 1), reference, classLines, bottom, fl4, dtgYear,
                    stationSerial, captions, banner, entireText, subject, portions, decl, 9, section, letters, cab, 15);
        }
    }

    private static List<Finding> check(MarkingRule rule, CableMarkings c) {
        return rule.check(c);
    }

    private static Severity only(MarkingRule rule, CableMarkings c) {
        List<Finding> f = check(rule, c);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).code()).isEqualTo(rule.id());
        return f.get(0).severity();
    }

    @Test
    void aWellMarkedCableHasNoErrorsOrWarnings() {
        List<Finding> all = new MarkingValidator().validate(confidential2008().build());
        assertThat(all).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(all).extracting(Finding::code).containsExactly("R-DECL-2");
    }

    @Test
    void aBannerBelowTheHighestPortionIsAnErrorOfferingToRaiseTheBanner() {
        CableMarkings c = confidential2008().portion(3, Marking.of(SECRET, Marking.NOFORN)).build();
        List<Finding> f = check(MarkingRules.bannerCoversEveryPortion, c);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).paragraph()).isEqualTo(3);
        assertThat(f.get(0).message()).contains("CONFIDENTIAL", "paragraph 3", "(S//NF)", "at least SECRET");
        assertThat(f.get(0).suggestion().action()).isEqualTo(Suggestion.RAISE_BANNER);
        assertThat(f.get(0).suggestion().marking()).isEqualTo(Marking.of(SECRET, Marking.NOFORN));
    }

    @Test
    void aBannerAboveEveryMarkedPortionIsOverClassificationWarning() {
        CableMarkings c = confidential2008().banner(Marking.of(SECRET)).build();
        assertThat(only(MarkingRules.bannerCoversEveryPortion, c)).isEqualTo(Severity.WARNING);
    }

    @Test
    void anEntireTextStatementAboveTheBannerIsAnError() {
        Builder b = confidential2008();
        b.entireText = Marking.of(SECRET);
        assertThat(only(MarkingRules.bannerCoversEveryPortion, b.build())).isEqualTo(Severity.ERROR);
    }

    @Test
    void unmarkedParagraphsOfAClassifiedCableAreWarningsEachOfferingAMark() {
        CableMarkings c = confidential2008().portion(3, null).build();
        List<Finding> f = check(MarkingRules.classifiedParagraphsAreMarked, c);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.paragraph()).isEqualTo(3);
            assertThat(x.suggestion().action()).isEqualTo(Suggestion.MARK_PARAGRAPH);
            assertThat(x.suggestion().mark()).isEqualTo("(C)");
        });
    }

    @Test
    void unmarkedParagraphsAreFineWithAnEntireTextStatementOrInAnUnclassifiedCable() {
        Builder b = confidential2008().portion(3, null);
        b.entireText = Marking.of(CONFIDENTIAL);
        assertThat(check(MarkingRules.classifiedParagraphsAreMarked, b.build())).isEmpty();
        Builder u = confidential2008().banner(Marking.UNCLASSIFIED).portion(3, null);
        assertThat(check(MarkingRules.classifiedParagraphsAreMarked, u.build())).isEmpty();
    }

    @Test
    void anUnmarkedHeadingIsNotAnUnmarkedParagraph() {
        Builder b = confidential2008();
        b.portions.add(new CableMarkings.Portion(3, null, 40, null, true));
        assertThat(check(MarkingRules.classifiedParagraphsAreMarked, b.build())).isEmpty();
    }

    @Test
    void aLaterSectionWithADifferentClassLineIsAnError() {
        Builder b = confidential2008();
        b.classLines.add(new CableMarkings.ClassLine(60, 2, SECRET, "DUSHANBE", "417"));
        assertThat(only(MarkingRules.sectionClassLinesAgree, b.build())).isEqualTo(Severity.ERROR);
        Builder same = confidential2008();
        same.classLines.add(new CableMarkings.ClassLine(60, 2, CONFIDENTIAL, "DUSHANBE", "417"));
        assertThat(check(MarkingRules.sectionClassLinesAgree, same.build())).isEmpty();
    }

    @Test
    void aBottomClassLineDisagreeingWithTheTopIsAnError() {
        Builder b = confidential2008();
        b.bottom = new CableMarkings.BottomClass(80, UNCLASSIFIED);
        List<Finding> f = check(MarkingRules.sectionClassLinesAgree, b.build());
        assertThat(f).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(80));
    }

    @Test
    void aTransmissionLevelDisagreeingWithTheClassLineIsAnError() {
        Builder b = confidential2008();
        b.fl4 = SECRET;
        assertThat(only(MarkingRules.transmissionLevelMatchesClassLine, b.build())).isEqualTo(Severity.ERROR);
        assertThat(check(MarkingRules.transmissionLevelMatchesClassLine, confidential2008().build())).isEmpty();
    }

    @Test
    void aNofornPortionWithoutANofornCaptionIsAnErrorOfferingTheCaption() {
        CableMarkings c = confidential2008().portion(3, Marking.of(CONFIDENTIAL, Marking.NOFORN)).build();
        List<Finding> f = check(MarkingRules.nofornCaptionMatchesPortions, c);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.suggestion().action()).isEqualTo(Suggestion.ADD_NOFORN_CAPTION);
            assertThat(x.suggestion().marking()).isEqualTo(Marking.of(CONFIDENTIAL, Marking.NOFORN));
        });
        CableMarkings captioned = confidential2008().banner(Marking.of(CONFIDENTIAL, Marking.NOFORN))
                .portion(3, Marking.of(CONFIDENTIAL, Marking.NOFORN)).build();
        assertThat(check(MarkingRules.nofornCaptionMatchesPortions, captioned)).isEmpty();
    }

    @Test
    void aNofornCaptionWithoutNofornPortionsIsFineBecauseTheCaptionCoversTheCable() {
        CableMarkings c = confidential2008().banner(Marking.of(CONFIDENTIAL, Marking.NOFORN)).build();
        assertThat(check(MarkingRules.nofornCaptionMatchesPortions, c)).isEmpty();
    }

    @Test
    void anExdisPortionSatisfiesNofornButNeedsTheExdisCaption() {
        CableMarkings c = confidential2008().banner(Marking.of(CONFIDENTIAL, Marking.NOFORN))
                .portion(3, Marking.of(CONFIDENTIAL, Marking.EXDIS)).build();
        assertThat(only(MarkingRules.exdisAndNodisAreCarriedAndExclusive, c)).isEqualTo(Severity.ERROR);
        CableMarkings ok = confidential2008().banner(Marking.of(CONFIDENTIAL, Marking.EXDIS))
                .portion(3, Marking.of(CONFIDENTIAL, Marking.EXDIS)).build();
        assertThat(check(MarkingRules.exdisAndNodisAreCarriedAndExclusive, ok)).isEmpty();
    }

    @Test
    void nodisInTheBannerCoversAnExdisPortionButBothInOnePortionIsAnError() {
        CableMarkings covered = confidential2008().banner(Marking.of(CONFIDENTIAL, Marking.NODIS))
                .portion(3, Marking.of(CONFIDENTIAL, Marking.EXDIS)).build();
        assertThat(check(MarkingRules.exdisAndNodisAreCarriedAndExclusive, covered)).isEmpty();
        CableMarkings both = confidential2008().banner(Marking.of(CONFIDENTIAL, Marking.NODIS))
                .portion(3, Marking.of(CONFIDENTIAL, Marking.EXDIS, Marking.NODIS)).build();
        assertThat(only(MarkingRules.exdisAndNodisAreCarriedAndExclusive, both)).isEqualTo(Severity.ERROR);
    }

    @Test
    void sbuInTheBannerOfAClassifiedCableIsAWarning() {
        CableMarkings c = confidential2008().banner(Marking.of(CONFIDENTIAL, Marking.SBU)).build();
        assertThat(only(MarkingRules.sbuOnlyInUnclassifiedBanner, c)).isEqualTo(Severity.WARNING);
        CableMarkings u = confidential2008().banner(Marking.of(UNCLASSIFIED, Marking.SBU)).build();
        assertThat(check(MarkingRules.sbuOnlyInUnclassifiedBanner, u)).isEmpty();
        CableMarkings both = confidential2008().banner(Marking.of(UNCLASSIFIED, Marking.SBU, Marking.FOUO)).build();
        assertThat(only(MarkingRules.sbuOnlyInUnclassifiedBanner, both)).isEqualTo(Severity.WARNING);
    }

    @Test
    void aSubjectMarkedAboveTheBannerIsAnError() {
        Builder b = confidential2008();
        b.subject = Marking.of(SECRET);
        assertThat(only(MarkingRules.subjectWithinBanner, b.build())).isEqualTo(Severity.ERROR);
        b.subject = Marking.of(CONFIDENTIAL);
        assertThat(check(MarkingRules.subjectWithinBanner, b.build())).isEmpty();
    }

    @Test
    void citingEo12356AfterOctober1995IsAWarning() {
        CableMarkings c = confidential2008().decl(DeclassificationKind.OADR, "12356", null).build();
        assertThat(only(MarkingRules.orderMatchesDate, c)).isEqualTo(Severity.WARNING);
        CableMarkings old = confidential2008().date(LocalDate.of(1992, 3, 1))
                .decl(DeclassificationKind.OADR, "12356", null).build();
        assertThat(check(MarkingRules.orderMatchesDate, old)).isEmpty();
    }

    @Test
    void citingEo12958BeforeItTookEffectIsAWarning() {
        CableMarkings c = confidential2008().date(LocalDate.of(1995, 6, 1)).build();
        assertThat(only(MarkingRules.orderMatchesDate, c)).isEqualTo(Severity.WARNING);
    }

    @Test
    void reason15AfterSeptember2003IsAWarning() {
        assertThat(only(MarkingRules.reasonSectionMatchesDate, confidential2008().reason("1.5", "b").build()))
                .isEqualTo(Severity.WARNING);
        assertThat(check(MarkingRules.reasonSectionMatchesDate, confidential2008().build())).isEmpty();
    }

    @Test
    void reason14In2001IsAWarningAnd15IsRight() {
        Builder b = confidential2008().date(LocalDate.of(2001, 7, 2));
        assertThat(only(MarkingRules.reasonSectionMatchesDate, b.build())).isEqualTo(Severity.WARNING);
        assertThat(check(MarkingRules.reasonSectionMatchesDate, b.reason("1.5", "b", "d").build())).isEmpty();
    }

    @Test
    void xCodesOnA2008CableAreAnErrorButFineIn2002() {
        CableMarkings c = confidential2008().decl(DeclassificationKind.EXEMPTION, "12958", null, "X1", "X5").build();
        assertThat(only(MarkingRules.xCodesOnlyBefore2003, c)).isEqualTo(Severity.ERROR);
        CableMarkings old = confidential2008().date(LocalDate.of(2002, 3, 21))
                .decl(DeclassificationKind.EXEMPTION, "12958", null, "X1", "X5").build();
        assertThat(check(MarkingRules.xCodesOnlyBefore2003, old)).isEmpty();
    }

    @Test
    void oadrAfterOctober1995IsAnErrorButFineIn1992() {
        CableMarkings c = confidential2008().decl(DeclassificationKind.OADR, "12356", null).build();
        assertThat(only(MarkingRules.oadrOnlyBefore1995, c)).isEqualTo(Severity.ERROR);
        CableMarkings old = confidential2008().date(LocalDate.of(1992, 3, 1))
                .decl(DeclassificationKind.OADR, "12356", null).build();
        assertThat(check(MarkingRules.oadrOnlyBefore1995, old)).isEmpty();
    }

    @Test
    void notApplicableOnAClassifiedCableIsAnErrorAndADeclDateOnAnUnclassifiedOneAWarning() {
        CableMarkings na = confidential2008().decl(DeclassificationKind.NOT_APPLICABLE, "12958", null).build();
        assertThat(only(MarkingRules.notApplicableOnlyWhenUnclassified, na)).isEqualTo(Severity.ERROR);
        CableMarkings u = confidential2008().banner(Marking.UNCLASSIFIED).build();
        assertThat(only(MarkingRules.notApplicableOnlyWhenUnclassified, u)).isEqualTo(Severity.WARNING);
        assertThat(check(MarkingRules.notApplicableOnlyWhenUnclassified, confidential2008().build())).isEmpty();
    }

    @Test
    void aDeclDateNotAfterTheCableDateIsAnError() {
        CableMarkings c = confidential2008().decl(DeclassificationKind.DATE, "12958", DATE).build();
        assertThat(only(MarkingRules.declDateAfterCableDate, c)).isEqualTo(Severity.ERROR);
        assertThat(check(MarkingRules.declDateAfterCableDate, confidential2008().build())).isEmpty();
    }

    @Test
    void aDeclassificationStampInTheEoLineIsNotADeclDate() {
        Builder b = confidential2008().date(LocalDate.of(1972, 2, 25));
        b.decl = new Declassification("AS AMENDED; DECLASSIFIED JUNE 21, 2006", DeclassificationKind.DATE, "12958",
                LocalDate.of(2006, 6, 21), List.of(), null);
        assertThat(check(MarkingRules.declDateWithinMaximum, b.build())).isEmpty();
        assertThat(check(MarkingRules.declDateAfterCableDate, b.build())).isEmpty();
    }

    @Test
    void aDeclDateMoreThan25YearsOutIsAnErrorUnlessAnExemptionIsCited() {
        CableMarkings c = confidential2008().decl(DeclassificationKind.DATE, "12958", LocalDate.of(2038, 6, 6)).build();
        assertThat(only(MarkingRules.declDateWithinMaximum, c)).isEqualTo(Severity.ERROR);
        CableMarkings exempt = confidential2008()
                .decl(DeclassificationKind.EXEMPTION, "12958", LocalDate.of(2038, 6, 6), "25X1").build();
        assertThat(check(MarkingRules.declDateWithinMaximum, exempt)).isEmpty();
        CableMarkings exactly25 = confidential2008()
                .decl(DeclassificationKind.DATE, "12958", LocalDate.of(2033, 6, 6)).build();
        assertThat(check(MarkingRules.declDateWithinMaximum, exactly25)).isEmpty();
    }

    @Test
    void aPassedDeclDateIsOnlyInformation() {
        assertThat(only(MarkingRules.declassificationDue, confidential2008().build())).isEqualTo(Severity.INFO);
        CableMarkings future = confidential2008().decl(DeclassificationKind.DATE, "12958", LocalDate.of(2030, 1, 1))
                .build();
        assertThat(check(MarkingRules.declassificationDue, future)).isEmpty();
    }

    @Test
    void aClassifiedCableWithoutAuthorityBlockIsAnErrorFrom1995AndAWarningBefore() {
        Builder b = confidential2008();
        b.cab = false;
        b.section = null;
        b.letters = List.of();
        assertThat(only(MarkingRules.classifiedCableHasAuthorityBlock, b.build())).isEqualTo(Severity.ERROR);
        assertThat(only(MarkingRules.classifiedCableHasAuthorityBlock, b.date(LocalDate.of(1975, 5, 1)).build()))
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void anAuthorityBlockWithoutReasonIsAWarning() {
        Builder b = confidential2008();
        b.section = null;
        b.letters = List.of();
        assertThat(only(MarkingRules.classifiedCableHasAuthorityBlock, b.build())).isEqualTo(Severity.WARNING);
        assertThat(check(MarkingRules.classifiedCableHasAuthorityBlock, confidential2008().build())).isEmpty();
    }

    @Test
    void anUnclassifiedCableWithAnAuthorityBlockIsAWarning() {
        CableMarkings u = confidential2008().banner(Marking.UNCLASSIFIED).build();
        assertThat(only(MarkingRules.unclassifiedCableHasNoAuthorityBlock, u)).isEqualTo(Severity.WARNING);
        assertThat(check(MarkingRules.unclassifiedCableHasNoAuthorityBlock, confidential2008().build())).isEmpty();
    }

    @Test
    void reasonLettersBeyondHAreAnError() {
        assertThat(only(MarkingRules.reasonLettersAreKnown, confidential2008().reason("1.4", "b", "k").build()))
                .isEqualTo(Severity.ERROR);
        assertThat(check(MarkingRules.reasonLettersAreKnown, confidential2008().reason("1.4", "h").build())).isEmpty();
    }

    @Test
    void letterHUnderSection15IsOnlyAWarningBecauseTheBasisIsUnverified() {
        CableMarkings c = confidential2008().date(LocalDate.of(2001, 1, 1)).reason("1.5", "h").build();
        assertThat(only(MarkingRules.noLetterHUnderSection15, c)).isEqualTo(Severity.WARNING);
        assertThat(check(MarkingRules.noLetterHUnderSection15, confidential2008().reason("1.4", "h").build()))
                .isEmpty();
    }

    @Test
    void aReferenceDisagreeingWithClassLineDtgOrStationSerialIsAWarningEach() {
        Builder b = confidential2008();
        b.reference = "08DUSHANBE418";
        b.dtgYear = 2007;
        b.stationSerial = "419";
        List<Finding> f = check(MarkingRules.referenceMatchesClassLine, b.build());
        assertThat(f).hasSize(3).allMatch(x -> x.severity() == Severity.WARNING && x.code().equals("R-ID-1"));
        assertThat(check(MarkingRules.referenceMatchesClassLine, confidential2008().build())).isEmpty();
    }

    @Test
    void anUnverifiedRuleNeverReportsAnError() {
        MarkingRule loud = new MarkingRule("R-TEST", "test", "none", Certainty.UNVERIFIED,
                c -> List.of(Finding.atLine("R-TEST", Severity.ERROR, "loud", null)));
        assertThat(loud.check(confidential2008().build())).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
    }

    @Test
    void everyRuleHasAnIdFromTheRuleTableAndAUniqueName() {
        assertThat(MarkingRules.all()).extracting(MarkingRule::id).allMatch(id -> id.startsWith("R-"));
        assertThat(MarkingRules.all()).doesNotHaveDuplicates();
    }

    @Test
    void aChangeThatCreatesAnErrorIsReportedAsNew() {
        MarkingValidator v = new MarkingValidator();
        CableMarkings before = confidential2008().build();
        CableMarkings after = before.withPortionMark(1, Marking.of(SECRET));
        assertThat(v.newErrors(before, after)).extracting(Finding::code).containsExactly("R-LVL-1");
        assertThat(v.newErrors(before, before.withPortionMark(2, Marking.of(CONFIDENTIAL)))).isEmpty();
    }

    // ------------------------------------------------------------------ R-EXM-1

    private static CableMarkings withCodes(Marking mark, String... codes) {
        Builder b = confidential2008();
        b.portions.add(new CableMarkings.Portion(3, 3, 40, mark, false, List.of(codes)));
        return b.build();
    }

    @Test
    void aClassifiedInformationExemptionOnAnUnclassifiedPortionIsAnError() {
        for (String code : List.of("25X1", "25X6", "50X1-HUM", "X1", "1.4(c)", "1.5 (d)", "(b)(1)")) {
            List<Finding> f = check(MarkingRules.classifiedExemptionOnlyOnClassifiedPortion,
                    withCodes(Marking.of(UNCLASSIFIED), code));
            assertThat(f).as(code).hasSize(1);
            assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
            assertThat(f.get(0).paragraph()).isEqualTo(3);
            assertThat(f.get(0).message()).contains("Paragraph 3", "(U)", code, "(b)(6)");
        }
    }

    @Test
    void aClassifiedInformationExemptionOnAnSbuPortionIsAnError() {
        Marking sbu = Marking.parsePortion("(SBU)").orElseThrow();
        assertThat(only(MarkingRules.classifiedExemptionOnlyOnClassifiedPortion, withCodes(sbu, "25X1")))
                .isEqualTo(Severity.ERROR);
        assertThat(check(MarkingRules.classifiedExemptionOnlyOnClassifiedPortion, withCodes(sbu, "(b)(6)")))
                .isEmpty();
    }

    @Test
    void aClassifiedInformationExemptionOnAConfidentialPortionIsFine() {
        for (String code : List.of("25X1", "50X1-HUM", "X6", "1.4(b)", "(b)(1)")) {
            assertThat(check(MarkingRules.classifiedExemptionOnlyOnClassifiedPortion,
                    withCodes(Marking.of(CONFIDENTIAL), code))).as(code).isEmpty();
        }
    }

    @Test
    void aFoiaPrivacyExemptionOnAnUnclassifiedPortionIsFine() {
        for (String code : List.of("(b)(6)", "(b)(7)", "(b)(3)", "(b)(5)")) {
            assertThat(check(MarkingRules.classifiedExemptionOnlyOnClassifiedPortion,
                    withCodes(Marking.of(UNCLASSIFIED), code))).as(code).isEmpty();
        }
    }

    @Test
    void anUnmarkedPortionOfAnUnclassifiedCableIsUnclassifiedForTheExemptionRule() {
        Builder b = confidential2008().banner(Marking.UNCLASSIFIED);
        b.portions.clear();
        b.portions.add(new CableMarkings.Portion(1, 1, 20, null, false, List.of("(b)(6)", "25X6")));
        List<Finding> f = check(MarkingRules.classifiedExemptionOnlyOnClassifiedPortion, b.build());
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("unmarked in an unclassified cable", "25X6")
                .doesNotContain("(b)(6),");
        Builder secret = confidential2008().banner(Marking.of(SECRET));
        secret.portions.add(new CableMarkings.Portion(3, 3, 40, null, false, List.of("25X1")));
        assertThat(check(MarkingRules.classifiedExemptionOnlyOnClassifiedPortion, secret.build())).isEmpty();
    }

    @Test
    void onlyCodesForClassifiedInformationAreRecognisedAsSuch() {
        assertThat(List.of("25X1", "25x9", "50X2-WMD", "75X", "X8", "1.6X1", "1.4(c)", "1.4 (h)", "1.5(a)", "(b)(1)"))
                .allMatch(MarkingRules::isClassifiedInformationExemption);
        assertThat(List.of("(b)(6)", "(b)(7)(C)", "(b)(2)", "X9", "25X", "1.4", "")).noneMatch(
                MarkingRules::isClassifiedInformationExemption);
    }
}
