package org.declass.release;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * The packaged server ({@code target/quarkus-app/quarkus-run.jar}) in a child JVM of its own, for the tests that
 * need a real process: killed with SIGKILL mid-sweep, or two instances on one database. Build the jar first:
 * {@code ./mvnw package -DskipTests} (H2) or {@code ./mvnw package -DskipTests -Ppg} (PostgreSQL); the tests are
 * skipped with that message when it is missing.
 */
final class ChildServer implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String ADMIN_PASSWORD = "child-admin-password-1";

    final int port;
    final Path log;
    private final Process process;

    private ChildServer(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static void requireJar(String build) {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "no packaged server at " + JAR.toAbsolutePath()
                + ": these tests run in `" + build + "`, after the package phase built it");
    }

    /** Starts the jar with these system properties and waits until /q/health/ready answers (at most 120 s). */
    static ChildServer start(String name, int port, Map<String, String> properties) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx384m");
        cmd.add("-Dquarkus.http.port=" + port);
        // the metrics port: any free one, so that two instances on this machine do not collide on 9000
        cmd.add("-Dquarkus.management.port=0");
        cmd.add("-Ddeclass.admin.initial-password=" + ADMIN_PASSWORD);
        // the admin calls the API with HTTP Basic, which a second factor would refuse
        cmd.add("-Ddeclass.session.second-factor-roles=");
        cmd.add("-Dquarkus.log.category.\"org.declass\".level=INFO");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(JAR.toAbsolutePath().toString());
        Path log = Files.createTempFile("declass-" + name + "-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildServer s = new ChildServer(port, log, p);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + ":\n" + s.tail());
            }
            try {
                if (s.get("/q/health/ready") == 200) {
                    return s;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        s.kill();
        throw new IllegalStateException(name + " did not become ready in 120 s:\n" + s.tail());
    }

    int get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** POST /api/release/sweep as the admin; returns the JSON answer. */
    String sweep() throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/release/sweep"))
                .header("Authorization", "Basic " + auth).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sweep answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Waits until the log contains {@code text} (at most {@code seconds}). */
    boolean awaitLog(String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(text)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hook, no graceful close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and wait: Quarkus shuts down cleanly. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
