package org.declass.release;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Demo mode, {@code declass.demo} (demo accounts and cables, the movable clock, "jump to a date") and
 * {@code declass.demo.releases} (how many demo cables are released to the reading room at start). In {@code release}
 * because that is the lowest package that asks; {@code web} asks too.
 */
// Every property under declass.demo must be a member here: Quarkus refuses to start on an unmapped one.
@ConfigMapping(prefix = "declass.demo")
public interface DemoConfig {

    /** {@code declass.demo}. */
    @WithParentName
    @WithDefault("false")
    boolean enabled();

    /** {@code declass.demo.releases}. */
    @WithDefault("6")
    int releases();
}
