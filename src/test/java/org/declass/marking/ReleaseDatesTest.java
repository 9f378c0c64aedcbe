package org.declass.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each kind of declassification instruction gives the right effective release date (issue 7). */
class ReleaseDatesTest {

    static final LocalDate ORIGIN = LocalDate.of(2001, 6, 19);
    static final LocalDate RECEIVED = LocalDate.of(2026, 11, 1);

    static ReleaseDate of(DeclassificationKind kind, LocalDate date, List<String> codes, String event) {
        return ReleaseDates.fromInstruction(new Declassification("raw", kind, "12958", date, codes, event), ORIGIN,
                true, RECEIVED);
    }

    @Test
    void aDeclDateIsTheReleaseDate() {
        ReleaseDate r = of(DeclassificationKind.DATE, LocalDate.of(2015, 11, 21), List.of(), null);
        assertThat(r.date()).isEqualTo(LocalDate.of(2015, 11, 21));
        assertThat(r.basis()).isEqualTo(ReleaseBasis.DECL_DATE);
        assertThat(r.derivation()).contains("2015-11-21");
    }

    @Test
    void xCodesReleaseTwentyFiveYearsAfterTheOriginDate() {
        ReleaseDate r = of(DeclassificationKind.EXEMPTION, null, List.of("X1", "X6"), null);
        assertThat(r.date()).isEqualTo(LocalDate.of(2026, 6, 19));
        assertThat(r.basis()).isEqualTo(ReleaseBasis.TWENTY_FIVE_YEARS);
        assertThat(r.derivation()).contains("X1, X6").contains("25 years").contains("2001-06-19");
    }

    @Test
    void oadrReleasesTwentyFiveYearsAfterTheOriginDate() {
        ReleaseDate r = of(DeclassificationKind.OADR, null, List.of(), null);
        assertThat(r.date()).isEqualTo(ORIGIN.plusYears(25));
        assertThat(r.basis()).isEqualTo(ReleaseBasis.TWENTY_FIVE_YEARS);
        assertThat(r.derivation()).startsWith("OADR");
    }

    @Test
    void twentyFiveXWithoutADateReleasesTwentyFiveYearsAfterTheOriginDate() {
        ReleaseDate r = of(DeclassificationKind.EXEMPTION, null, List.of("25X6"), null);
        assertThat(r.date()).isEqualTo(ORIGIN.plusYears(25));
    }

    @Test
    void anExemptionWithAPanelDateReleasesOnThatDate() {
        ReleaseDate r = of(DeclassificationKind.EXEMPTION, LocalDate.of(2048, 9, 15), List.of("25X6"), null);
        assertThat(r.date()).isEqualTo(LocalDate.of(2048, 9, 15));
        assertThat(r.basis()).isEqualTo(ReleaseBasis.EXEMPTION_DATE);
    }

    @Test
    void fiftyXAndHumanSourceExemptionsKeepFiftyAndSeventyFiveYears() {
        assertThat(of(DeclassificationKind.EXEMPTION, null, List.of("50X6"), null).date())
                .isEqualTo(ORIGIN.plusYears(50));
        assertThat(of(DeclassificationKind.EXEMPTION, null, List.of("X1", "50X1-HUM"), null).date())
                .isEqualTo(ORIGIN.plusYears(75));
    }

    @Test
    void anEventNobodyRecordedIsNeverReleasedAutomatically() {
        ReleaseDate r = of(DeclassificationKind.EVENT, null, List.of(), "AFTER THE ELECTIONS");
        assertThat(r.date()).isNull();
        assertThat(r.basis()).isEqualTo(ReleaseBasis.EVENT_PENDING);
        assertThat(r.isDueOn(LocalDate.of(2999, 1, 1))).isFalse();
        assertThat(r.derivation()).contains("AFTER THE ELECTIONS");
    }

    @Test
    void aRecordedEventReleasesOnTheDayItOccurred() {
        ReleaseDate base = of(DeclassificationKind.EVENT, null, List.of(), "AFTER THE ELECTIONS");
        ReleaseDate r = ReleaseDates.effective(base, LocalDate.of(2024, 3, 1), null);
        assertThat(r.date()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(r.basis()).isEqualTo(ReleaseBasis.EVENT_RECORDED);
        assertThat(r.derivation()).contains("occurred on 2024-03-01");
    }

    @Test
    void notApplicableIsReleasableAsSoonAsApproved() {
        ReleaseDate r = ReleaseDates.fromInstruction(new Declassification("N/A", DeclassificationKind.NOT_APPLICABLE,
                "12958", null, List.of(), null), LocalDate.of(2008, 7, 2), false, RECEIVED);
        assertThat(r.basis()).isEqualTo(ReleaseBasis.ON_APPROVAL);
        assertThat(r.isDueOn(LocalDate.of(2008, 7, 2))).isTrue();
    }

    @Test
    void noInstructionOnAClassifiedCableCountsTwentyFiveYearsAndOnAnUnclassifiedOneNeedsOnlyApproval() {
        Declassification none = Declassification.unknown();
        assertThat(ReleaseDates.fromInstruction(none, ORIGIN, true, RECEIVED).date()).isEqualTo(ORIGIN.plusYears(25));
        assertThat(ReleaseDates.fromInstruction(none, ORIGIN, false, RECEIVED).basis())
                .isEqualTo(ReleaseBasis.ON_APPROVAL);
    }

    @Test
    void anUnknownOriginDateCountsFromTheDayTheCableWasReceived() {
        ReleaseDate r = ReleaseDates.fromInstruction(new Declassification("OADR", DeclassificationKind.OADR, null,
                null, List.of(), null), null, true, RECEIVED);
        assertThat(r.date()).isEqualTo(RECEIVED.plusYears(25));
        assertThat(r.derivation()).contains("origin date unknown");
    }

    @Test
    void aHoldWithALaterDateIsHonoured() {
        ReleaseDate base = of(DeclassificationKind.EXEMPTION, null, List.of("X1"), null);
        ReleaseDate held = ReleaseDates.effective(base, null, LocalDate.of(2031, 1, 1));
        assertThat(held.date()).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(held.basis()).isEqualTo(ReleaseBasis.HELD);
        assertThat(held.derivation()).contains("held until 2031-01-01").contains("2026-06-19");
    }

    @Test
    void aHoldWithAnEarlierDateDoesNotBringTheReleaseForward() {
        ReleaseDate base = of(DeclassificationKind.DATE, LocalDate.of(2030, 1, 1), List.of(), null);
        assertThat(ReleaseDates.effective(base, null, LocalDate.of(2027, 1, 1))).isEqualTo(base);
    }

    @Test
    void aCableIsDueOnItsDateNotTheDayBefore() {
        ReleaseDate r = of(DeclassificationKind.DATE, LocalDate.of(2030, 1, 1), List.of(), null);
        assertThat(r.isDueOn(LocalDate.of(2029, 12, 31))).isFalse();
        assertThat(r.isDueOn(LocalDate.of(2030, 1, 1))).isTrue();
    }
}
