package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A new installation as production runs it: no demo, a generated administrator password, an H2 file in a data
 * directory of its own that the test left loose (0755, an old key file 0644), a log file, the Swagger UI off, and
 * proxy headers trusted. The data directory ends 0700 and everything in it 0600; the password is in a 0600 file
 * that the log names, never in the log.
 */
@QuarkusTest
@TestProfile(FreshInstallationTest.Production.class)
class FreshInstallationTest {

    /** One directory per test JVM, the same whichever class loader computes it. */
    static final Path DATA = Path.of(System.getProperty("java.io.tmpdir"), "declass-fresh-"
            + ProcessHandle.current().pid() + "-"
            + ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L));
    static final Path LOG = DATA.resolve("server.log");
    static final boolean PG = System.getProperty("quarkus.test.profile", "test").contains("pg");

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            looseDataDirectory();
            Map<String, String> config = new HashMap<>();
            config.put("declass.demo", "false");
            config.put("declass.admin.initial-password", "");
            config.put("declass.data-dir", DATA.toString());
            config.put("declass.audit.checkpoint-key", "");
            config.put("declass.web.swagger-ui", "false");
            config.put("quarkus.log.file.enabled", "true");
            config.put("quarkus.log.file.path", LOG.toString());
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.allow-x-forwarded", "true");
            if (!PG) {
                config.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + DATA.resolve("declass")
                        + ";DB_CLOSE_ON_EXIT=FALSE");
            }
            return config;
        }
    }

    /** The directory as an older version (or a careless operator) left it: readable by everyone. */
    static synchronized void looseDataDirectory() {
        try {
            if (Files.isDirectory(DATA)) {
                return;
            }
            Files.createDirectories(DATA);
            Files.setPosixFilePermissions(DATA, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String name : List.of("session.key", "audit-checkpoint.key")) {
                Path key = DATA.resolve(name);
                Files.writeString(key, "fresh-installation-test-key-" + name);
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static String password() throws IOException {
        return Files.readString(DATA.resolve("initial-admin-password")).trim();
    }

    @Test
    void theGeneratedAdministratorPasswordIsInAPrivateFileThatTheLogNamesAndNeverInTheLog() throws IOException {
        Path file = DATA.resolve("initial-admin-password");
        assertThat(mode(file)).isEqualTo("rw-------");
        String password = password();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        given().auth().preemptive().basic("admin", password).get("/api/cables").then().statusCode(200);
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).contains(file.toAbsolutePath().toString()).doesNotContain(password);
    }

    @Test
    void theDataDirectoryIsTheServersAloneAndSoIsEveryFileInIt() throws IOException {
        assertThat(mode(DATA)).isEqualTo("rwx------");
        assertThat(mode(DATA.resolve("session.key"))).as("an old session.key").isEqualTo("rw-------");
        assertThat(mode(DATA.resolve("audit-checkpoint.key"))).as("an old key file").isEqualTo("rw-------");
        assertThat(mode(LOG)).as("the log file").isEqualTo("rw-------");
        if (!PG) {
            assertThat(mode(DATA.resolve("declass.mv.db"))).as("the H2 database").isEqualTo("rw-------");
        }
        try (Stream<Path> all = Files.list(DATA)) {
            for (Path p : all.toList()) {
                assertThat(mode(p)).as(p.toString()).isIn("rw-------", "rwx------");
            }
        }
    }

    @Test
    void whatAnImportQuarantinesIsTheServersAlone() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("not-a-cable.txt"));
            zip.write("SECRET words that are no cable at all".getBytes(StandardCharsets.UTF_8));
        }
        given().auth().preemptive().basic("admin", password()).contentType("application/zip")
                .body(bytes.toByteArray()).post("/api/cables/bulk").then().statusCode(200)
                .body("failed", org.hamcrest.Matchers.equalTo(1));
        Path quarantine = DATA.resolve("quarantine");
        assertThat(quarantine).isDirectory();
        try (Stream<Path> all = Files.walk(quarantine)) {
            List<Path> paths = all.toList();
            assertThat(paths).anySatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".reason"));
            for (Path p : paths) {
                assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void theSwaggerUiIsOffInProductionAndTheOpenApiDocumentStays() {
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(404)
                .header("Content-Security-Policy", SecurityHeaders.CSP);
        given().redirects().follow(false).get("/q/swagger-ui").then().statusCode(404);
        given().redirects().follow(false).get("/q/swagger-ui/index.html").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200);
        // the menu's API link follows: it never leads to the switched-off UI
        String page = given().get("/login").asString();
        assertThat(page).contains("href=\"/q/openapi\" class=\"muted\">API</a>").doesNotContain("/q/swagger-ui");
    }

    @Test
    void strictTransportSecurityFollowsATrustedProxysProtocol() {
        assertThat(given().header("X-Forwarded-Proto", "https").get("/").header("Strict-Transport-Security"))
                .isEqualTo(SecurityHeaders.HSTS);
        assertThat(given().get("/").header("Strict-Transport-Security")).isNull();
    }
}
