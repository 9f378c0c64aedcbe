package org.declass.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A server killed with SIGKILL in the middle of a sweep, then restarted: every due cable is released exactly once,
 * with one released version and one CABLE_RELEASED entry. The packaged H2 server runs in a child JVM on a database
 * file of its own (skipped on the PostgreSQL run, where ReleaseClusterIT kills an instance instead).
 */
class ReleaseCrashIT {

    /** Enough that the sweep (about 400 cables/s here) is still running when the victim is killed. */
    static final int CABLES = 3000;
    static final String PREFIX = "CRASH";

    @Test
    void aServerKilledMidSweepAndRestartedReleasesEachCableExactlyOnce() throws Exception {
        Assumptions.assumeFalse(System.getProperty("quarkus.test.profile", "").contains("pg"),
                "the H2 crash test; on PostgreSQL see ReleaseClusterIT");
        ChildServer.requireJar("./mvnw verify");
        Path data = Files.createTempDirectory("declass-crash-");
        String url = "jdbc:h2:file:" + data.toAbsolutePath() + "/declass";
        Map<String, String> props = Map.of("declass.data-dir", data.toAbsolutePath().toString(),
                "declass.release.schedule", "off", "declass.release.page-size", "50");
        try (ChildServer first = ChildServer.start("crash-setup", ChildServer.freePort(), props)) {
            first.stop(); // the schema now exists
        }
        try (Connection c = DriverManager.getConnection(url, "declass", "declass")) {
            SyntheticCables.insert(c, PREFIX, CABLES, "APPROVED", LocalDate.of(2019, 2, 9), true);
        }

        ChildServer victim = ChildServer.start("crash-victim", ChildServer.freePort(), Map.of(
                "declass.data-dir", data.toAbsolutePath().toString(), "declass.release.page-size", "50",
                "declass.release.schedule", "* * * * * ?"));
        try {
            assertThat(victim.awaitLog("page done, 100 released so far", 120))
                    .as("the scheduled sweep started releasing:\n%s", victim.tail()).isTrue();
            // H2 writes committed transactions to the file up to a second later (its write delay): killed at once,
            // the victim could lose every release it had committed, and the kill would not fall mid-sweep on disk
            Thread.sleep(1_500);
        } finally {
            victim.kill();
        }
        long releasedAtKill;
        try (Connection c = DriverManager.getConnection(url, "declass", "declass")) {
            releasedAtKill = SyntheticCables.count(c, "select count(*) from cable where reference like '" + PREFIX
                    + "%' and state = 'RELEASED'");
            assertThat(SyntheticCables.count(c, "select count(*) from released_version v join cable c on"
                    + " c.id = v.cable_id where c.reference like '" + PREFIX + "%'")).isEqualTo(releasedAtKill);
        }
        assertThat(releasedAtKill).as("killed in the middle of the sweep").isBetween(1L, (long) CABLES - 1);

        try (ChildServer restarted = ChildServer.start("crash-restart", ChildServer.freePort(), props)) {
            String report = restarted.sweep();
            assertThat(report).contains("\"released\"");
            restarted.stop();
        }
        try (Connection c = DriverManager.getConnection(url, "declass", "declass")) {
            assertThat(SyntheticCables.exactlyOnceProblems(c, PREFIX, CABLES)).isEmpty();
        }
    }
}
