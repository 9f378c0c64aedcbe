package org.declass.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock: system UTC, moved by an offset. The offset is zero in production; in dev, test or demo
 * mode it comes from {@code declass.clock.fixed} / {@code declass.clock.offset} and the demo page's "jump to a date"
 * moves it (see {@link Clocks}).
 */
public class DeclassClock extends Clock {

    private final Clock base;
    private volatile Duration offset;
    private final boolean movable;

    DeclassClock(Clock base, Duration offset, boolean movable) {
        this.base = base;
        this.offset = offset;
        this.movable = movable;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base, offset).withZone(zone);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    public Duration offset() {
        return offset;
    }

    public boolean movable() {
        return movable;
    }

    /** Demo mode only: moves the clock so that today is {@code day}, at the current time of day. */
    public Instant jumpTo(LocalDate day) {
        if (!movable) {
            throw new IllegalStateException("the clock can be moved only in dev, test or demo mode");
        }
        Instant now = base.instant();
        LocalDate realToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
        offset = Duration.ofDays(day.toEpochDay() - realToday.toEpochDay());
        return instant();
    }

    /** Back to the configured offset's absence: real time (tests reset it). */
    public void reset() {
        if (movable) {
            offset = Duration.ZERO;
        }
    }
}
