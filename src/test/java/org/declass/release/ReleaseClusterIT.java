package org.declass.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two server instances (two child JVMs of the packaged PostgreSQL build) on one PostgreSQL database,
 * {@code declass_cluster_test}: the clustered Quartz scheduler fires the sweep on one of them each second while
 * both are also asked to sweep at the same moment over HTTP, and one of them is killed with SIGKILL in the middle.
 * Every cable is released exactly once. Runs only in the PostgreSQL run ({@code ./mvnw verify -Ppg}), as an
 * integration test after {@code package} has built the PostgreSQL jar; .ci/run creates the database.
 */
class ReleaseClusterIT {

    static final int CABLES = 3000;
    static final String PREFIX = "CLUSTER";
    static final String DB = "declass_cluster_test";

    static String url(String db) {
        String base = System.getenv().getOrDefault("DECLASS_PG_BASE_URL", "jdbc:postgresql://localhost:5432/");
        return base + db;
    }

    @Test
    void twoInstancesOnOnePostgresqlDatabaseReleaseEachCableExactlyOnce() throws Exception {
        Assumptions.assumeTrue(System.getProperty("quarkus.test.profile", "").contains("pg"),
                "runs in the PostgreSQL run: ./mvnw verify -Ppg");
        ChildServer.requireJar("./mvnw verify -Ppg");
        freshDatabase();
        Map<String, String> quiet = Map.of("quarkus.profile", "prod,pg", "quarkus.datasource.jdbc.url", url(DB),
                "declass.release.schedule", "off", "declass.data-dir", tmp("a"));
        try (ChildServer setup = ChildServer.start("cluster-setup", ChildServer.freePort(), quiet)) {
            setup.stop(); // schema and Quartz tables migrated
        }
        try (Connection c = DriverManager.getConnection(url(DB), "declass", "declass")) {
            SyntheticCables.insert(c, PREFIX, CABLES, "APPROVED", LocalDate.of(2019, 2, 9), true);
            // the set-up instance has stopped, but Quartz may leave its check-in row behind for the others to
            // recover; clear it so that only the two instances below are counted
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("delete from qrtz_scheduler_state");
            }
        }
        String key = "cluster-test-session-key-0123456789abcdef";
        ChildServer a = ChildServer.start("cluster-a", ChildServer.freePort(), Map.of("quarkus.profile", "prod,pg",
                "quarkus.datasource.jdbc.url", url(DB), "declass.release.schedule", "*/2 * * * * ?",
                "declass.release.page-size", "100", "declass.data-dir", tmp("a"),
                "quarkus.http.auth.session.encryption-key", key));
        ChildServer b = ChildServer.start("cluster-b", ChildServer.freePort(), Map.of("quarkus.profile", "prod,pg",
                "quarkus.datasource.jdbc.url", url(DB), "declass.release.schedule", "*/2 * * * * ?",
                "declass.release.page-size", "100", "declass.data-dir", tmp("b"),
                "quarkus.http.auth.session.encryption-key", key));
        try {
            try (Connection c = DriverManager.getConnection(url(DB), "declass", "declass")) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (SyntheticCables.count(c, "select count(*) from qrtz_scheduler_state") < 2
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(SyntheticCables.count(c, "select count(*) from qrtz_scheduler_state"))
                        .as("both instances checked in to the clustered Quartz store").isEqualTo(2);
            }
            // both instances sweep at the same moment, beside the clustered schedule
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> sweeps = new ArrayList<>();
            for (ChildServer s : List.of(a, b)) {
                Callable<String> sweep = () -> {
                    go.await();
                    return s.sweep();
                };
                sweeps.add(pool.submit(sweep));
            }
            go.countDown();
            // a crash on top: instance a is killed once a few pages are out
            a.awaitLog("released so far", 60);
            a.kill();
            try {
                sweeps.get(0).get();
            } catch (Exception killed) {
                // the killed instance never answered
            }
            String fromB = sweeps.get(1).get();
            assertThat(fromB).contains("\"released\"");
            pool.shutdownNow();
            b.sweep(); // whatever instance a left behind
            try (Connection c = DriverManager.getConnection(url(DB), "declass", "declass")) {
                assertThat(SyntheticCables.exactlyOnceProblems(c, PREFIX, CABLES)).isEmpty();
                assertThat(SyntheticCables.count(c, "select count(*) from qrtz_triggers"))
                        .as("the release job is stored in the clustered Quartz store").isPositive();
            }
        } finally {
            a.close();
            b.stop();
        }
    }

    static String tmp(String name) throws java.io.IOException {
        return java.nio.file.Files.createTempDirectory("declass-cluster-" + name + "-").toAbsolutePath().toString();
    }

    /** Empties declass_cluster_test (creating it as the postgres superuser when it does not exist). */
    static void freshDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(url(DB), "declass", "declass");
             Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
            return;
        } catch (SQLException missing) {
            // create it below
        }
        Process p = new ProcessBuilder("su", "postgres", "-c", "psql -qc 'create database " + DB + " owner declass'")
                .inheritIO().start();
        assertThat(p.waitFor()).as("create database " + DB + " (or let .ci/run create it)").isZero();
    }
}
