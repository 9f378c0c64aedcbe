package org.declass.web;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Whether the time of a failed sign-in tells if the user name exists: a wrong password for a known account against an
 * unknown user name, on the login form and on HTTP Basic, interleaved, and the medians and 90th percentiles printed.
 * <pre>./mvnw test -Dtest=SignInTimingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Ddeclass.bench=true</pre>
 * {@code -Ddeclass.bench.rounds=N} (default 200). Throttling is raised out of the way for the run.
 */
@QuarkusTest
@TestProfile(SignInTimingBenchmark.NoThrottle.class)
@EnabledIfSystemProperty(named = "declass.bench", matches = "true")
class SignInTimingBenchmark {

    public static class NoThrottle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("declass.session.max-account-failures", "1000000",
                    "declass.session.max-address-failures", "1000000");
        }
    }

    @Test
    void printTheTimesOfKnownAndUnknownUserNames() {
        int rounds = Integer.getInteger("declass.bench.rounds", 200);
        List<Long> formKnown = new ArrayList<>();
        List<Long> formUnknown = new ArrayList<>();
        List<Long> basicKnown = new ArrayList<>();
        List<Long> basicUnknown = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // warm-up
            SignIn.post("reviewer", "wrong");
            SignIn.post("nobody", "wrong");
        }
        for (int i = 0; i < rounds; i++) {
            String unknown = "nobody-" + i;
            formKnown.add(time(() -> SignIn.post("reviewer", "wrong-" + (Object) null)));
            formUnknown.add(time(() -> SignIn.post(unknown, "wrong")));
            basicKnown.add(time(() -> given().auth().preemptive().basic("reviewer", "wrong").get("/api/cables?size=1")));
            basicUnknown.add(time(() -> given().auth().preemptive().basic(unknown, "wrong").get("/api/cables?size=1")));
        }
        System.out.printf("sign-in timing, %d rounds, milliseconds (median / p90)%n", rounds);
        print("form, known name, wrong password", formKnown);
        print("form, unknown name", formUnknown);
        print("basic, known name, wrong password", basicKnown);
        print("basic, unknown name", basicUnknown);
    }

    private static long time(Supplier<Object> call) {
        long start = System.nanoTime();
        call.get();
        return System.nanoTime() - start;
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double p90 = sorted.get((int) (sorted.size() * 0.9)) / 1e6;
        System.out.printf("  %-36s %7.1f / %7.1f%n", what, median, p90);
    }
}
