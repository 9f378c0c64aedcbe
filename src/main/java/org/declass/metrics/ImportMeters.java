package org.declass.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The bulk import's meters, counted while it runs (so that {@code rate(...)} is the import's speed in cables/s):
 * <ul>
 * <li>{@code declass_import_cables_total{result="created|duplicate|failed|skipped"}};</li>
 * <li>{@code declass_import_quarantined_total}: inputs copied to the quarantine directory;</li>
 * <li>{@code declass_import_running}: imports in progress on this instance;</li>
 * <li>{@code declass_import_seconds}: the wall time of each finished import (count, sum, max).</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class ImportMeters {

    static final List<String> RESULTS = List.of("created", "duplicate", "failed", "skipped");

    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> cables = new ConcurrentHashMap<>();
    private Counter quarantined;
    private Timer imports;
    private final AtomicInteger running = new AtomicInteger();

    @PostConstruct
    void register() {
        for (String result : RESULTS) {
            cables.put(result, Counter.builder("declass.import.cables").tag("result", result)
                    .description("Cables the bulk import handled, by result").register(registry));
        }
        quarantined = Counter.builder("declass.import.quarantined")
                .description("Inputs the bulk import refused and copied to the quarantine directory")
                .register(registry);
        imports = Timer.builder("declass.import").description("Wall time of each finished bulk import")
                .register(registry);
        Gauge.builder("declass.import.running", running, AtomicInteger::get)
                .description("Bulk imports in progress on this instance").register(registry);
    }

    /** An import begins; call {@link #finished} in a finally block. */
    public void started() {
        running.incrementAndGet();
    }

    public void finished(long nanos) {
        running.decrementAndGet();
        imports.record(Duration.ofNanos(nanos));
    }

    /** {@code n} cables with this result: created, duplicate, failed or skipped. */
    public void cables(String result, long n) {
        Counter c = cables.get(result);
        if (c == null) {
            throw new IllegalArgumentException("no import result " + result + "; one of " + RESULTS);
        }
        c.increment(n);
    }

    public void quarantined() {
        quarantined.increment();
    }
}
