package org.declass.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Latency buckets for {@code http_server_requests_seconds} (Quarkus's HTTP binder), so that Prometheus can compute
 * a p95 per route with {@code histogram_quantile}: a dozen fixed buckets from 5 ms to 10 s rather than Micrometer's
 * seventy, since each bucket is one series per route, method and status.
 */
public class HttpHistograms {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(
                        java.util.Arrays.stream(BUCKETS).mapToDouble(d -> d.toNanos()).toArray())
                        .build().merge(config);
            }
        };
    }
}
