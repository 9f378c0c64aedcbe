package org.declass.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code declass_signin_failures_total{mechanism, outcome}}: failed sign-ins on this instance, by mechanism (form,
 * basic, second-factor, sso, other) and outcome ({@code failed}: wrong name, password or code; {@code blocked}:
 * refused with 429 while the guard blocks the account or address). Neither the name tried nor the address is a
 * label: the audit trail holds those.
 */
@Startup
@ApplicationScoped
public class SignInMeters {

    static final List<String> MECHANISMS = List.of("form", "basic", "second-factor", "sso", "other");

    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        for (String mechanism : MECHANISMS) {
            for (String outcome : List.of("failed", "blocked")) {
                counters.put(mechanism + "/" + outcome, Counter.builder("declass.signin.failures")
                        .tag("mechanism", mechanism).tag("outcome", outcome)
                        .description("Failed sign-ins, by mechanism; blocked: refused while the guard blocks")
                        .register(registry));
            }
        }
    }

    /** One failed sign-in; an unknown mechanism counts as "other". */
    public void failed(String mechanism, boolean blocked) {
        String m = MECHANISMS.contains(mechanism) ? mechanism : "other";
        counters.get(m + "/" + (blocked ? "blocked" : "failed")).increment();
    }
}
