package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A malformed path (a ';', a bad or control-character percent-escape) answers 400 naming the problem, before the
 * authentication layer sees it, and leaves nothing in the log: such a path used to get no answer and about 21 KB of
 * stack trace per request. Sent over a raw socket, as an HTTP client library would refuse to send some of them.
 */
@QuarkusTest
class MalformedPathTest {

    @TestHTTPResource("/")
    URL server;

    /** Everything logged at WARNING or above, or with a throwable, while a test runs. */
    final List<LogRecord> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue() || r.getThrown() != null) {
                synchronized (logged) {
                    logged.add(r);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void releaseTheLog() {
        Logger.getLogger("").removeHandler(capture);
    }

    record Answer(int status, String head, String body) {
    }

    /** One request over a raw socket, the target sent exactly as written. */
    Answer get(String target, String user) throws IOException {
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
            if (user != null) {
                req.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                        (user + ":demo").getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            req.append("Accept: */*\r\nConnection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, split < 0 ? "" : response.substring(split + 4));
        }
    }

    @Test
    void aPathWithASemicolonIsA400NamingItSignedInOrNot() throws IOException {
        for (String path : new String[] {"/cables;x", "/cables/1;jsessionid=x", "/review/1;a=b", "/api/cables;x",
                "/reading-room;x", "/;jsessionid=ABC"}) {
            for (String user : new String[] {null, "reviewer"}) {
                Answer a = get(path, user);
                assertThat(a.status()).as(path + " as " + user).isEqualTo(400);
                assertThat(a.body()).as(path).contains("the path contains ';'");
                assertThat(a.head()).as(path).containsIgnoringCase("Content-Security-Policy: ")
                        .containsIgnoringCase("Cache-Control: no-store");
            }
        }
        assertThat(get("/api/cables;x", "reviewer").body()).startsWith("{\"status\":400,");
        assertThat(logged).as("nothing logged").isEmpty();
    }

    @Test
    void aControlCharacterOrNonUtf8PercentEscapeIsA400NamingIt() throws IOException {
        assertThat(get("/cables%00", "reviewer").body()).contains("encoded control character (%00)");
        assertThat(get("/cables/%0a1", null).body()).contains("encoded control character (%0A)");
        assertThat(get("/cables%c3%28", "reviewer").body()).contains("not UTF-8");
        assertThat(get("/api/cables?q=a%00b", "reviewer").body()).contains("the query string contains an encoded"
                + " control character (%00)");
        for (String path : new String[] {"/cables%00", "/api/cables?q=a%00b", "/reading-room?q=%1b"}) {
            Answer a = get(path, "reviewer");
            assertThat(a.status()).as(path).isEqualTo(400);
            assertThat(a.head()).as(path).containsIgnoringCase("X-Frame-Options: DENY");
        }
        assertThat(logged).as("nothing logged").isEmpty();
    }

    /**
     * A percent sign without two hex digits after it is refused by the HTTP server itself (Vert.x), before any
     * handler of the application: a bare 400, and nothing logged.
     */
    @Test
    void aMalformedPercentEscapeIsA400AndNothingIsLogged() throws IOException {
        for (String path : new String[] {"/cables%zz", "/cables%2", "/api/cables%zz", "/api/cables?q=%zz"}) {
            for (String user : new String[] {null, "reviewer"}) {
                assertThat(get(path, user).status()).as(path + " as " + user).isEqualTo(400);
            }
        }
        assertThat(RequestGate.problem("/cables%zz", null)).contains("malformed percent-encoding");
        assertThat(RequestGate.problem("/cables", "q=%2")).startsWith("the query string has a malformed");
        assertThat(logged).as("nothing logged").isEmpty();
    }

    @Test
    void wellFormedEscapesStillWork() throws IOException {
        assertThat(get("/api/cables?q=%C3%A9t%C3%A9&size=1", "reviewer").status()).isEqualTo(200);
        assertThat(get("/reading-room?q=harbour%20tender", null).status()).isEqualTo(200);
        assertThat(get("/cables%2F", "reviewer").status()).isNotEqualTo(400);
    }
}
