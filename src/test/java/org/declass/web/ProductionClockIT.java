package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The packaged server in production mode refuses to start with a fixed or offset clock, and says why. */
class ProductionClockIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void theProductionServerRefusesToStartWithAMovedClock() throws Exception {
        Assumptions.assumeFalse(System.getProperty("quarkus.test.profile", "").contains("pg"), "H2 run only");
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "no packaged server: this test runs in ./mvnw verify, after the package phase");
        Path data = Files.createTempDirectory("declass-clock-");
        Path log = data.resolve("server.log");
        Process p = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Dquarkus.http.port=0", "-Dquarkus.management.port=0", "-Ddeclass.data-dir=" + data, "-Ddeclass.clock.offset=P10Y",
                "-Ddeclass.admin.initial-password=clock-test-password", "-jar", JAR.toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = p.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log);
        assertThat(exited).as("the server should have stopped:\n%s", out).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(out).contains("declass.clock.fixed / declass.clock.offset move the clock and are refused in"
                + " production");
    }
}
