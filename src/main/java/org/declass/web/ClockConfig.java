package org.declass.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The clock's settings, {@code declass.clock.*}: move the clock to a fixed date or by an offset (dev, test and demo
 * mode only; see {@link Clocks}).
 */
// Every property under declass.clock must be a member here: Quarkus refuses to start on an unmapped one.
@ConfigMapping(prefix = "declass.clock")
public interface ClockConfig {

    /** {@code declass.clock.fixed}: a date (2030-01-01) or an instant. */
    Optional<String> fixed();

    /** {@code declass.clock.offset}: an ISO period or duration (P10Y, P30D, PT2H). */
    Optional<String> offset();
}
