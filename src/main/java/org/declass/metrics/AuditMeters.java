package org.declass.metrics;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The audit chain's gauges, read from the database at each scrape (so every instance reports the shared chain, and
 * an instance that never signs a checkpoint still shows its age):
 * <ul>
 * <li>{@code declass_audit_chain_entries}: entries in the chain (the head's sequence number);</li>
 * <li>{@code declass_audit_unsigned_entries}: entries after the newest signed checkpoint;</li>
 * <li>{@code declass_audit_checkpoint_age_seconds}: time since the newest checkpoint was signed ({@code +Inf} before
 * the first). A quiet chain is not re-signed, so an old checkpoint is a problem only with unsigned entries: the
 * alert asks for both.</li>
 * </ul>
 * A scrape runs on a worker thread; the two queries are single-row lookups.
 */
@ApplicationScoped
public class AuditMeters {

    /** What the chain looks like now: its length, the newest checkpoint's sequence number and time (if any). */
    public record ChainState(long entries, long signedEntries, Optional<Instant> lastCheckpoint) {
    }

    @Inject
    MeterRegistry registry;

    /** Registers the chain's gauges; {@code read} is asked at each scrape. */
    public void watchChain(Supplier<ChainState> read) {
        Gauge.builder("declass.audit.chain.entries", () -> read(read, s -> (double) s.entries()))
                .description("Entries in the audit chain").register(registry);
        Gauge.builder("declass.audit.unsigned.entries",
                        () -> read(read, s -> (double) Math.max(0, s.entries() - s.signedEntries())))
                .description("Audit entries after the newest signed checkpoint").register(registry);
        Gauge.builder("declass.audit.checkpoint.age", () -> read(read, s -> s.lastCheckpoint()
                        .map(at -> (System.currentTimeMillis() - at.toEpochMilli()) / 1000.0).orElse(Double.POSITIVE_INFINITY)))
                .baseUnit("seconds").description("Time since the newest audit checkpoint was signed")
                .register(registry);
    }

    private static double read(Supplier<ChainState> read, java.util.function.ToDoubleFunction<ChainState> value) {
        try {
            return value.applyAsDouble(read.get());
        } catch (RuntimeException e) {
            Log.debugf("audit chain gauges: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
