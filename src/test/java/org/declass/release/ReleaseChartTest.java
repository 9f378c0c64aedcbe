package org.declass.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The release chart's layout: grouped bars that never overlap, round ticks, labels that do not collide. */
class ReleaseChartTest {

    @Test
    void dueAndApprovedBarsStandSideBySideNeverOnTopOfEachOther() {
        ReleaseChart chart = ReleaseChart.of(List.of(new ReleaseCalendar.Month("2027-01", 12, 12),
                new ReleaseCalendar.Month("2027-02", 7, 3)));
        for (ReleaseChart.Group g : chart.groups()) {
            assertThat(g.approved().x()).isGreaterThanOrEqualTo(g.due().x() + g.due().width());
        }
        ReleaseChart.Group jan = chart.groups().get(0);
        assertThat(jan.due().height()).isEqualTo(jan.approved().height()).isPositive();
        assertThat(chart.groups().get(1).due().x()).isGreaterThan(jan.approved().x() + jan.approved().width());
        assertThat(jan.label()).isEqualTo("Jan");
        assertThat(jan.subLabel()).isEqualTo("2027");
        assertThat(chart.groups().get(1).subLabel()).isEmpty();
    }

    @Test
    void theAxisHasRoundTicksFromZeroToAtLeastTheLargestCount() {
        ReleaseChart chart = ReleaseChart.of(List.of(new ReleaseCalendar.Month("2027-01", 37, 5)));
        assertThat(chart.ticks()).extracting(ReleaseChart.Tick::value).containsExactly(0L, 10L, 20L, 30L, 40L);
        assertThat(chart.ticks().get(0).y()).isEqualTo(chart.baseline());
        assertThat(ReleaseChart.step(3)).isEqualTo(1);
        assertThat(ReleaseChart.step(12)).isEqualTo(5);
        assertThat(ReleaseChart.step(1234)).isEqualTo(500);
    }

    @Test
    void aRangeOfManyYearsIsDrawnPerYear() {
        List<ReleaseCalendar.Month> months = new java.util.ArrayList<>();
        for (int y = 2030; y < 2034; y++) {
            for (int m = 1; m <= 12; m++) {
                months.add(new ReleaseCalendar.Month(String.format("%d-%02d", y, m), 1, 0));
            }
        }
        ReleaseChart chart = ReleaseChart.of(months);
        assertThat(chart.period()).isEqualTo("year");
        assertThat(chart.groups()).extracting(ReleaseChart.Group::name).containsExactly("2030", "2031", "2032", "2033");
        assertThat(chart.groups().get(0).due().count()).isEqualTo(12);
    }
}
