package org.declass.release;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The release sweep's settings, {@code declass.release.*}. Every property under the prefix must be a member here:
 * Quarkus refuses to start on an unmapped one (SRCFG00050).
 */
@ConfigMapping(prefix = "declass.release")
public interface ReleaseConfig {

    /**
     * {@code declass.release.schedule}: the sweep's Quartz cron expression, or {@code off}; {@link ReleaseJob}'s
     * {@code @Scheduled} reads it by name.
     */
    String schedule();

    /** Due cables the sweep reads per page ({@code declass.release.page-size}). */
    @WithDefault("500")
    int pageSize();

    /** Cables released per transaction ({@code declass.release.batch-size}). */
    @WithDefault("100")
    int batchSize();
}
