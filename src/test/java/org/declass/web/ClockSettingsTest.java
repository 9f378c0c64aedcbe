package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

/** The clock may be fixed or offset in dev, test and demo mode only; production refuses it at start. */
class ClockSettingsTest {

    static final Clock SYSTEM = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aFixedClockIsRefusedInProduction() {
        assertThatThrownBy(() -> Clocks.create(LaunchMode.NORMAL, false, "2030-01-01", null, SYSTEM))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused in production");
    }

    @Test
    void anOffsetClockIsRefusedInProduction() {
        assertThatThrownBy(() -> Clocks.create(LaunchMode.NORMAL, false, null, "P10Y", SYSTEM))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("declass.clock");
    }

    @Test
    void productionWithoutSettingsRunsOnTheSystemClockAndCannotBeMoved() {
        DeclassClock c = Clocks.create(LaunchMode.NORMAL, false, null, null, SYSTEM);
        assertThat(c.instant()).isEqualTo(SYSTEM.instant());
        assertThatThrownBy(() -> c.jumpTo(LocalDate.of(2030, 1, 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFixedClockIsAllowedInTestAndDemoMode() {
        assertThat(Clocks.create(LaunchMode.TEST, false, "2030-01-01", null, SYSTEM).instant())
                .isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(Clocks.create(LaunchMode.NORMAL, true, "2030-01-01T09:00:00Z", null, SYSTEM).instant())
                .isEqualTo(Instant.parse("2030-01-01T09:00:00Z"));
    }

    @Test
    void anOffsetMovesTheClockByAPeriodOrADuration() {
        assertThat(LocalDate.ofInstant(Clocks.create(LaunchMode.DEVELOPMENT, false, null, "P10Y", SYSTEM).instant(),
                ZoneOffset.UTC)).isEqualTo(LocalDate.of(2036, 11, 28));
        assertThat(Clocks.create(LaunchMode.TEST, false, null, "PT12H", SYSTEM).instant())
                .isEqualTo(Instant.parse("2026-11-28T22:00:00Z"));
    }

    @Test
    void aDemoClockJumpsToADate() {
        DeclassClock c = Clocks.create(LaunchMode.NORMAL, true, null, null, SYSTEM);
        c.jumpTo(LocalDate.of(2028, 6, 1));
        assertThat(LocalDate.ofInstant(c.instant(), ZoneOffset.UTC)).isEqualTo(LocalDate.of(2028, 6, 1));
    }

    @Test
    void unreadableSettingsNameTheProperty() {
        assertThatThrownBy(() -> Clocks.create(LaunchMode.TEST, false, "tomorrow", null, SYSTEM))
                .hasMessageContaining("declass.clock.fixed");
        assertThatThrownBy(() -> Clocks.create(LaunchMode.TEST, false, null, "ten years", SYSTEM))
                .hasMessageContaining("declass.clock.offset");
    }
}
