package org.declass.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * deploy/docker/Dockerfile.jvm without a Docker daemon: every command the image runs exists in its base image, the
 * health check asks a health path the server serves on the port the image exposes, and the entrypoint starts the jar
 * and the class archive where the image puts them. ImageEntrypointIT runs the entrypoint itself.
 */
class DockerfileTest {

    /**
     * The commands of each base image the Dockerfile may name, from the image's own Dockerfile: adoptium/containers,
     * 17/jre/ubuntu/noble/Dockerfile (FROM ubuntu:24.04; `apt-get install -y --no-install-recommends curl wget
     * fontconfig ca-certificates p11-kit tzdata locales`; JAVA_HOME=/opt/java/openjdk with its bin on the PATH, so
     * `java`), plus what ubuntu:24.04 itself holds that the Dockerfile uses (dash as sh, coreutils, passwd's useradd).
     * The floating tag eclipse-temurin:17-jre moves from one Ubuntu release to the next (jammy, noble, resolute),
     * so the Dockerfile names the release it was checked against. An Alpine or UBI variant would need its own list
     * (17/jre/ubi/ubi9-minimal/Dockerfile installs wget but not curl, and ubi-minimal has no useradd; Alpine has
     * busybox's wget and adduser).
     */
    static final Map<String, Set<String>> BASE_IMAGE_COMMANDS = Map.of(
            "eclipse-temurin:17-jre-noble", Set.of("curl", "wget", "java", "sh", "useradd", "mkdir", "chown", "rm",
                    "echo", "exit", "exec", "umask", "true", "test"));

    /** Served by quarkus-smallrye-health on the main HTTP port (quarkus.smallrye-health.management.enabled=false). */
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/ready", "/q/health/live", "/q/health/started", "/q/health");

    final Dockerfile docker = Dockerfile.read(Dockerfile.JVM);

    @Test
    void theBaseImageIsOneWhoseCommandsAreKnown() {
        assertThat(BASE_IMAGE_COMMANDS).as("commands known for the FROM image (a floating tag changes under us)")
                .containsKey(docker.baseImage());
    }

    @Test
    void theHealthCheckUsesACommandTheBaseImageInstalls() {
        Set<String> has = BASE_IMAGE_COMMANDS.getOrDefault(docker.baseImage(), Set.of());
        assertThat(commandsOf(docker.healthCheckCommand())).as("the HEALTHCHECK's commands")
                .isNotEmpty().allSatisfy(c -> assertThat(has).as("commands of %s", docker.baseImage()).contains(c));
    }

    @Test
    void everyCommandTheImageBuildRunsIsInTheBaseImage() {
        Set<String> has = BASE_IMAGE_COMMANDS.getOrDefault(docker.baseImage(), Set.of());
        List<String> used = new ArrayList<>();
        docker.all("RUN").forEach(r -> used.addAll(commandsOf(r)));
        used.addAll(commandsOf(docker.entrypoint().get(2)));
        assertThat(used).isNotEmpty().allSatisfy(c -> assertThat(has).as("commands of %s", docker.baseImage()).contains(c));
    }

    @Test
    void theHealthCheckAsksTheReadinessPathOnThePortTheImageExposesAndTheServerListensOn() {
        Matcher url = Pattern.compile("https?://[^\\s\"']+").matcher(docker.healthCheckCommand());
        assertThat(url.find()).as("a URL in %s", docker.healthCheckCommand()).isTrue();
        URI uri = URI.create(url.group());
        assertThat(uri.getPath()).isEqualTo("/q/health/ready").isIn(HEALTH_PATHS);
        assertThat(uri.getHost()).as("asked inside the container").isIn("127.0.0.1", "localhost");
        assertThat(uri.getPort()).isEqualTo(Dockerfile.httpPort());
        assertThat(docker.exposedPorts()).contains(uri.getPort());
    }

    @Test
    void theImageExposesTheHttpAndTheManagementPortOfTheApplication() {
        assertThat(docker.exposedPorts()).containsExactlyInAnyOrder(Dockerfile.httpPort(), Dockerfile.managementPort());
    }

    @Test
    void theEntrypointStartsTheCopiedJarWithTheArchiveTheBuildWritesAndTheDataVolume() {
        List<String> entry = docker.entrypoint();
        assertThat(entry.subList(0, 2)).containsExactly("sh", "-c");
        String command = entry.get(2);
        assertThat(command).contains("-jar /deployments/quarkus-run.jar");
        assertThat(docker.all("COPY")).anySatisfy(c -> assertThat(c).matches(".*target/quarkus-app/\\*\\.jar /deployments/"));
        Matcher archive = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+)").matcher(docker.run("cds-start"));
        assertThat(archive.find()).isTrue();
        assertThat(command).contains("-XX:SharedArchiveFile=" + archive.group(1));
        assertThat(command).contains("-Ddeclass.data-dir=$DECLASS_DATA_DIR");
        assertThat(docker.all("VOLUME")).containsExactly(docker.env().get("DECLASS_DATA_DIR"));
    }

    @Test
    void theCommandScanFindsEachCommandOfAShellLine() {
        assertThat(commandsOf("umask 077 && exec java -jar x \"$@\"")).containsExactly("umask", "exec", "java");
        assertThat(commandsOf("curl -f http://x >/dev/null 2>&1 || exit 1")).containsExactly("curl", "exit");
        assertThat(commandsOf("java -X a || { echo \"no; x\"; rm -f y; }; rm -f z")).containsExactly("java", "echo", "rm", "rm");
    }

    /**
     * The command names of a shell line: the first word of each simple command (after &&, ||, ;, |, { and }), and
     * the command `exec` runs. Quoted text is skipped.
     */
    static List<String> commandsOf(String shell) {
        String unquoted = shell.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'[^']*'", "''");
        List<String> out = new ArrayList<>();
        for (String part : unquoted.split("&&|\\|\\||;|\\||\\{|\\}")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            out.add(words[0]);
            if (words[0].equals("exec") && words.length > 1) {
                out.add(words[1]);
            }
        }
        return out;
    }
}
