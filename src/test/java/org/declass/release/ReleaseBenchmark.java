package org.declass.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Release sweep figures (issue 7), printed, asserting nothing; the normal test run skips *Benchmark classes.
 * On an H2 file database of its own: 1,000,000 cables, of which 10,000 approved and due (released by the first
 * sweep), 20,000 due but not approved (overdue) and 970,000 not due yet. Then sweeps that find nothing due.
 * <pre>./mvnw test -Dtest=ReleaseBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Ddeclass.bench=true</pre>
 * {@code -Ddeclass.bench.cables=100000} for a quicker run. Without {@code -Ddeclass.bench=true} it is disabled, so
 * that a pattern such as {@code -Dtest='*Release*'} does not start it.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "declass.bench", matches = "true")
@TestProfile(ReleaseBenchmark.OwnDatabase.class)
class ReleaseBenchmark {

    static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "declass-release-bench-" + ProcessHandle.current().pid());

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + DIR + "/declass;DB_CLOSE_ON_EXIT=FALSE;"
                    + "DEFAULT_LOCK_TIMEOUT=10000", "declass.demo", "false");
        }
    }

    @Inject
    AgroalDataSource ds;

    @Inject
    ReleaseSweep sweep;

    @Test
    void sweepFigures() throws Exception {
        int total = Integer.getInteger("declass.bench.cables", 1_000_000);
        int due = Math.max(1, total / 100);
        int overdue = 2 * due;
        LocalDate today = LocalDate.of(2026, 11, 28);
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            SyntheticCables.insert(c, "BENCHDUE", due, "APPROVED", today.minusDays(30), true);
            SyntheticCables.insert(c, "BENCHOVERDUE", overdue, "NEW", today.minusYears(3), false);
            SyntheticCables.insert(c, "BENCHLATER", total - due - overdue, "NEW", today.plusYears(5), false);
        }
        double fillS = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%nRELEASE BENCHMARK %s, load before: %s%n", Instant.now(), load());
        System.out.printf("populated %,d cables (%,d due and approved, %,d overdue) with raw JDBC batches in %.1f s%n",
                total, due, overdue, fillS);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN SELECT c.id FROM cable c WHERE c.state = 'APPROVED'"
                     + " AND c.release_on <= DATE '2026-11-28' AND c.id > 0 ORDER BY c.id FETCH FIRST 500 ROWS ONLY")) {
            rs.next();
            System.out.println("plan of the sweep's page query: " + rs.getString(1).replaceAll("\\s+", " "));
        }

        long s1 = System.nanoTime();
        SweepReport first = sweep.sweep(now, "benchmark");
        double firstS = (System.nanoTime() - s1) / 1e9;
        System.out.printf("sweep releasing %,d cables: %.2f s (%.0f releases/s), their %,d versions indexed for the"
                        + " reading room within that time (%,d left queued); skipped %s; load: %s%n",
                first.releasedCount(), firstS, first.releasedCount() / firstS, first.indexed(), first.indexFailed(),
                first.skipped(), load());
        try (Connection c = ds.getConnection()) {
            System.out.printf("reading room after the sweep: %,d listing rows, %,d postings, %,d versions queued%n",
                    SyntheticCables.count(c, "SELECT COUNT(*) FROM release_listing"),
                    SyntheticCables.count(c, "SELECT COUNT(*) FROM release_term"),
                    SyntheticCables.count(c, "SELECT COUNT(*) FROM release_index_queue"));
        }

        List<Double> empty = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long e = System.nanoTime();
            SweepReport none = sweep.sweep(now, "benchmark");
            empty.add((System.nanoTime() - e) / 1e6);
            if (none.releasedCount() != 0) {
                System.out.println("unexpected: an empty sweep released " + none.releasedCount());
            }
        }
        List<Double> warm = new ArrayList<>(empty.subList(1, empty.size()));
        Collections.sort(warm);
        System.out.printf("sweep finding nothing due (20 runs after one warm-up): p50 %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms (first run %.1f ms); load: %s%n", warm.get(warm.size() / 2),
                warm.get((int) Math.ceil(warm.size() * 0.95) - 1), warm.get(warm.size() - 1), empty.get(0), load());
        try (Connection c = ds.getConnection()) {
            String problems = SyntheticCables.exactlyOnceProblems(c, "BENCHDUE", due);
            System.out.println("exactly once: " + (problems.isEmpty()
                    ? "every due cable released once, one version, one audit entry" : problems));
        }
        System.out.println("database files: " + DIR);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (1/5/15 min, runnable/threads, last pid) on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
