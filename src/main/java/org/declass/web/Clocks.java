package org.declass.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.declass.release.ClockJump;

/**
 * The one injectable clock. Features take the time from it, so that tests can fix it.
 * <p>
 * {@code declass.clock.fixed} (a date, 2030-01-01, or an instant, 2030-01-01T09:00:00Z: the clock starts there and
 * runs on) and {@code declass.clock.offset} (ISO period or duration: P10Y, P30D, PT12H; may be negative) are allowed
 * only in dev or test mode or with {@code declass.demo=true}. In production they stop the start with an error.
 */
@ApplicationScoped
public class Clocks {

    @Inject
    ClockConfig config;

    @Inject
    org.declass.release.DemoConfig demo;

    private volatile DeclassClock clock;

    /** Injected as {@code Clock} everywhere, and as {@code DeclassClock} where the demo moves it. */
    @Produces
    @Singleton
    DeclassClock declassClock() {
        return clock();
    }

    DeclassClock clock() {
        if (clock == null) {
            synchronized (this) {
                if (clock == null) {
                    clock = create(LaunchMode.current(), demo.enabled(), config.fixed().orElse(null), config.offset().orElse(null),
                            Clock.systemUTC());
                }
            }
        }
        return clock;
    }

    /** Demo mode's "jump to a date" (release page): moves the clock; refused when the clock is not movable. */
    void onJump(@Observes ClockJump jump) {
        clock().jumpTo(jump.to());
    }

    /** Refuses a moved clock in production at start, before any request or job reads the time. */
    void onStart(@Observes StartupEvent event) {
        clock();
    }

    /**
     * The clock for these settings; throws {@link IllegalStateException} with a clear message when a fixed or
     * offset clock is configured in production (not dev, not test, not demo).
     */
    static DeclassClock create(LaunchMode mode, boolean demo, String fixed, String offset, Clock system) {
        boolean movable = mode != LaunchMode.NORMAL || demo;
        boolean configured = !blank(fixed) || !blank(offset);
        if (configured && !movable) {
            throw new IllegalStateException("declass.clock.fixed / declass.clock.offset move the clock and are"
                    + " refused in production: remove them (they are allowed only in dev, test or demo mode,"
                    + " declass.demo=true)");
        }
        Duration shift = Duration.ZERO;
        Instant now = system.instant();
        if (!blank(fixed)) {
            shift = Duration.between(now, instantOf(fixed.trim()));
        }
        if (!blank(offset)) {
            shift = shift.plus(durationOf(offset.trim(), now));
        }
        return new DeclassClock(system, shift, movable);
    }

    private static Instant instantOf(String value) {
        try {
            return value.contains("T") ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("declass.clock.fixed must be a date (2030-01-01) or an instant"
                    + " (2030-01-01T09:00:00Z), not " + value);
        }
    }

    private static Duration durationOf(String value, Instant now) {
        try {
            return value.toUpperCase().contains("T") ? Duration.parse(value)
                    : Duration.between(now, now.atOffset(ZoneOffset.UTC).plus(Period.parse(value)).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("declass.clock.offset must be an ISO period or duration (P10Y, P30D,"
                    + " PT12H, -P1D), not " + value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
