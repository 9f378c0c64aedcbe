package org.declass.release;

import java.time.LocalDate;

/**
 * Demo mode's "jump to a date": fired by {@link ReleaseActions#jumpTo}, observed by the application's clock
 * (web.Clocks), which moves so that today is {@code to}, or refuses outside dev, test and demo mode.
 */
public record ClockJump(LocalDate to) {
}
