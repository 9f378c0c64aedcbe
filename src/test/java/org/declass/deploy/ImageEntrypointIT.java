package org.declass.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image without Docker: a temporary directory laid out as deploy/docker/Dockerfile.jvm lays out the
 * image (its COPY lines, from target/quarkus-app), the image's class-archive RUN step and then its ENTRYPOINT, both
 * run as written with `sh -c` and the image's ENV, only the absolute paths /deployments, /var/lib/declass and /tmp
 * moved into the temporary directory. Needs the packaged H2 jar: it runs in `./mvnw verify`, after `package`.
 */
class ImageEntrypointIT {

    static final Path APP = Path.of("target/quarkus-app");

    @TempDir
    Path root;

    final Dockerfile docker = Dockerfile.read(Dockerfile.JVM);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The image's absolute paths in a text, in one pass (the temporary directory itself lies under /tmp). */
    String moved(String text) {
        return java.util.regex.Pattern.compile("(?<![\\w./-])(/deployments|/var/lib/declass|/tmp)(?=[/\\s\"';]|$)")
                .matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        root.resolve(m.group(1).substring(1)).toString()));
    }

    @Test
    void theImagesEntrypointStartsTheServerWithTheImagesClassArchiveAnswersItsProbesAndStopsOnSigterm() throws Exception {
        Assumptions.assumeFalse(System.getProperty("quarkus.test.profile", "").contains("pg"),
                "H2 build only: the image's cds-start step and a start without a database URL need it");
        Assumptions.assumeTrue(Files.isRegularFile(APP.resolve("quarkus-run.jar")),
                "no target/quarkus-app/quarkus-run.jar: this test runs in ./mvnw verify, after the package phase");
        layOutLikeTheImage();
        Map<String, String> env = imageEnv();

        // the RUN that writes the class archive, as written
        String cds = moved(docker.run("cds-start"));
        Path cdsLog = root.resolve("cds-run.log");
        Process run = sh(cds, env, cdsLog);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("the archive step ends").isTrue();
        assertThat(run.exitValue()).as("the archive step:\n%s", Files.readString(cdsLog)).isZero();
        assertThat(root.resolve("deployments/app-cds.jsa")).as("the image's class archive").isNotEmptyFile();

        int port = freePort();
        int management = freePort();
        // JAVA_OPTS, as the manifests set it: free ports here, and -Xshare:on so that a refused archive stops the start
        env.put("JAVA_OPTS", "-Xshare:on -Xmx384m -Dquarkus.http.port=" + port + " -Dquarkus.management.port=" + management
                + " -Ddeclass.admin.initial-password=image-entrypoint-test-password");
        List<String> entry = docker.entrypoint();
        List<String> command = new ArrayList<>(entry);
        command.set(2, moved(entry.get(2)));
        Path log = root.resolve("server.log");
        Process server = start(command, env, log);
        try {
            awaitReady(server, port, log);
            assertThat(ProcessHandle.of(server.pid()).flatMap(h -> h.info().command()).orElse(""))
                    .as("sh execs java: the container's process 1 is the JVM, which gets the stop signal").endsWith("java");

            for (String path : probePaths()) {
                assertThat(get(port, path)).as("GET %s", path).isEqualTo(200);
            }
            String health = docker.healthCheckCommand().replace(":" + Dockerfile.httpPort() + "/", ":" + port + "/");
            if (onPath("wget")) {
                assertThat(shell(health, env)).as("the HEALTHCHECK, as written: %s", health).isZero();
            }
        } finally {
            server.destroy(); // SIGTERM, as `docker stop` sends
        }
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
        String out = Files.readString(log);
        assertThat(server.exitValue()).as("exit code after SIGTERM:\n%s", out).isIn(0, 143);
        assertThat(out).contains("stopped in").doesNotContain("Unable to use shared archive");
        if (onPath("wget")) {
            String health = docker.healthCheckCommand().replace(":" + Dockerfile.httpPort() + "/", ":" + port + "/");
            assertThat(shell(health, env)).as("the HEALTHCHECK of a stopped server: unhealthy").isEqualTo(1);
        }
    }

    /** Each COPY of the Dockerfile, from the project to the image path moved into the temporary directory. */
    void layOutLikeTheImage() throws IOException {
        for (String copy : docker.all("COPY")) {
            List<String> words = new ArrayList<>(List.of(copy.split("\\s+")));
            words.removeIf(w -> w.startsWith("--"));
            assertThat(words).as("COPY %s", copy).hasSize(2);
            String src = words.get(0);
            Path dest = Path.of(moved(words.get(1)));
            Files.createDirectories(dest);
            if (src.contains("*")) {
                Path dir = Path.of(src.substring(0, src.lastIndexOf('/')));
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, src.substring(src.lastIndexOf('/') + 1))) {
                    for (Path f : files) {
                        Files.copy(f, dest.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            } else {
                copyTree(Path.of(src), dest);
            }
        }
        // RUN mkdir -p /deployments /var/lib/declass; the image's archive is its own, never the build's
        Files.createDirectories(Path.of(moved(docker.env().get("DECLASS_DATA_DIR"))));
        Files.createDirectories(root.resolve("tmp"));
        assertThat(root.resolve("deployments/app-cds.jsa")).doesNotExist();
        assertThat(root.resolve("deployments/quarkus-run.jar")).isRegularFile();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** The image's ENV over this process's environment, the paths moved; java of this JVM first on the PATH. */
    Map<String, String> imageEnv() {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.remove("JAVA_OPTS");
        docker.env().forEach((k, v) -> env.put(k, moved(v)));
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        env.put("PATH", javaBin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    /** The paths of the Kubernetes probes and of the image's health check. */
    List<String> probePaths() throws IOException {
        List<String> paths = new ArrayList<>();
        JsonNode c = KubernetesManifestsTest.container();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            paths.add(c.path(probe).path("httpGet").path("path").asText());
        }
        paths.add(URI.create(docker.healthCheckCommand().replaceAll(".*(https?://\\S+).*", "$1")).getPath());
        return paths;
    }

    Process sh(String script, Map<String, String> env, Path log) throws IOException {
        return start(List.of("sh", "-c", script), env, log);
    }

    Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.resolve("deployments").toFile()) // WORKDIR
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    int shell(String script, Map<String, String> env) throws Exception {
        Process p = sh(script, env, root.resolve("health.log"));
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    void awaitReady(Process server, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server is running:\n%s", Files.readString(log)).isTrue();
            if (get(port, "/q/health/ready") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready in 4 minutes:\n" + Files.readString(log));
    }

    int get(int port, String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
