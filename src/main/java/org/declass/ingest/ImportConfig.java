package org.declass.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bulk import's settings, {@code declass.import.*} (docs/operations.md). */
// Every property under declass.import must be a member here: Quarkus refuses to start on an unmapped one.
@ConfigMapping(prefix = "declass.import")
public interface ImportConfig {

    /** {@code declass.import.defer-indexes}: auto, always or never (see {@link DeferredIndexes.Mode}). */
    @WithDefault("auto")
    String deferIndexes();

    /** {@code declass.import.batch-size}: cables per insert batch. */
    @WithDefault("250")
    int batchSize();

    /** {@code declass.import.parsers}: parser threads, 0 for one per core. */
    @WithDefault("0")
    int parsers();

    /** The parser threads an import starts: {@link #parsers()}, or one per core when it is 0. */
    default int parserThreads() {
        return parsers() > 0 ? parsers() : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** {@code declass.import.rebuild-deferred-at-start}: build indexes an interrupted import left deferred. */
    @WithDefault("true")
    boolean rebuildDeferredAtStart();
}
