package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.declass.marking.DeclassificationKind;
import org.declass.marking.ReleaseBasis;
import org.junit.jupiter.api.Test;

/** "Declassify on" in words: one value for the instruction and the release date it gives, never a raw enum name. */
class DeclassifyOnLabelsTest {

    static final LocalDate D = LocalDate.of(2027, 3, 2);

    @Test
    void eachKindOfInstructionReadsAsWordsWithItsReleaseDate() {
        assertThat(DeclassifyOnLabels.describe(DeclassificationKind.DATE, D, ReleaseBasis.DECL_DATE, D))
                .isEqualTo("2027-03-02");
        assertThat(DeclassifyOnLabels.describe(DeclassificationKind.NOT_APPLICABLE, null, ReleaseBasis.ON_APPROVAL,
                null)).isEqualTo("Not applicable (unclassified): released on approval");
        assertThat(DeclassifyOnLabels.describe(DeclassificationKind.OADR, null, ReleaseBasis.TWENTY_FIVE_YEARS, D))
                .isEqualTo("OADR (originating agency's determination required): 2027-03-02, 25 years after origin");
        assertThat(DeclassifyOnLabels.describe(DeclassificationKind.EXEMPTION, null, ReleaseBasis.EXEMPTION_DATE, D))
                .isEqualTo("Exempt: until 2027-03-02");
        assertThat(DeclassifyOnLabels.describe(DeclassificationKind.EVENT, null, ReleaseBasis.EVENT_PENDING, null))
                .isEqualTo("On an event: not yet recorded, no automatic date");
        assertThat(DeclassifyOnLabels.describe(DeclassificationKind.EVENT, null, ReleaseBasis.EVENT_RECORDED, D))
                .isEqualTo("On an event: recorded, 2027-03-02");
    }

    @Test
    void noLabelShowsARawEnumName() {
        for (DeclassificationKind kind : DeclassificationKind.values()) {
            for (ReleaseBasis basis : ReleaseBasis.values()) {
                assertThat(DeclassifyOnLabels.describe(kind, D, basis, D))
                        .doesNotContainPattern("[A-Z]{2,}_[A-Z]").doesNotContain("NOT_APPLICABLE", "EXEMPTION", "EVENT");
            }
        }
    }

    @Test
    void aCableWaitingForReviewPastItsDateIsOverdueAndAnApprovedOrReleasedOneIsNot() {
        DeclassifyOnLabels labels = new DeclassifyOnLabels();
        labels.clock = Clock.fixed(Instant.parse("2027-03-02T10:00:00Z"), ZoneOffset.UTC);
        assertThat(labels.overdue(D, "IN_REVIEW")).isTrue();
        assertThat(labels.overdue(D.minusYears(1), "NEW")).isTrue();
        assertThat(labels.overdue(D.plusDays(1), "NEW")).isFalse();
        assertThat(labels.overdue(D, "APPROVED")).isFalse();
        assertThat(labels.overdue(D, "RELEASED")).isFalse();
        assertThat(labels.overdue(null, "NEW")).isFalse();
    }
}
