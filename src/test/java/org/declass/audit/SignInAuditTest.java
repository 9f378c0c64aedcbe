package org.declass.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins are counted in memory and written as one LOGIN_FAILED entry per client address and mechanism,
 * actor anonymous, with the count in the note and only account names or fingerprints in attempted_name. The
 * scheduled flush is off in tests: each test calls {@link SignInAudit#flush()}.
 */
@QuarkusTest
class SignInAuditTest {

    /** What the four failing Basic sign-ins type as user names; none may reach the trail. */
    static final List<String> RAW = List.of("system:release", "apprOver", "hunter2-password", "evil\u0007\nFAKE-ENTRY");
    static final List<String> RAW_PARTS = List.of("system", "release", "apprOver", "hunter2", "evil", "FAKE-ENTRY",
            "\u0007", "wrong-pass-15");

    @Inject
    SignInAudit signIns;

    @Inject
    AuditTrail trail;

    @BeforeEach
    void writeWhatEarlierTestsLeftCounted() throws InterruptedException {
        Thread.sleep(200); // late asynchronous failure events of earlier tests
        signIns.flush();
    }

    static JsonPath audit(Map<String, ?> query) {
        return given().auth().preemptive().basic("auditor", "demo").queryParams(query).queryParam("size", 200)
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    static String export(String format, Map<String, ?> query) {
        return given().auth().preemptive().basic("admin", "demo").queryParams(query)
                .get("/api/audit/export." + format).then().statusCode(200).extract().asString();
    }

    /** The newest LOGIN_FAILED entry from this address, as the API shows it. */
    static Map<String, Object> newestFrom(String address) {
        List<Map<String, Object>> items = audit(Map.of("action", "LOGIN_FAILED", "user", "anonymous"))
                .getList("items");
        return items.stream().filter(i -> address.equals(i.get("clientAddress"))).findFirst()
                .orElseThrow(() -> new AssertionError("no LOGIN_FAILED entry from " + address));
    }

    void awaitPending(long n) throws InterruptedException {
        for (int i = 0; i < 100 && signIns.pending() < n; i++) {
            Thread.sleep(50);
        }
        assertThat(signIns.pending()).isEqualTo(n);
    }

    @Test
    void fourFailingBasicSignInsBecomeOneAnonymousEntryWithTheCountAndNoNameAsTyped() throws Exception {
        for (String name : RAW) {
            given().auth().preemptive().basic(name, "wrong-pass-15").get("/api/cables").then().statusCode(401);
        }
        awaitPending(4);
        assertThat(signIns.flush()).isEqualTo(1);

        JsonPath page = audit(Map.of("action", "LOGIN_FAILED", "user", "anonymous"));
        Map<String, Object> entry = page.getMap("items[0]");
        assertThat(entry.get("actor")).isEqualTo("anonymous");
        assertThat(page.getList("items[0].actorRoles")).containsExactly("ANONYMOUS");
        assertThat((String) entry.get("note")).matches("4 failed sign-ins \\(basic\\) from \\S+ (at|between) .* UTC");
        String attempted = (String) entry.get("attemptedName");
        // Basic ends the name at the first colon: "system:release" arrives as the unknown name "system"
        // "evil", a bell, a line feed and "FAKE-ENTRY" are 16 characters, as many as "hunter2-password"
        assertThat(attempted).matches("unknown name \\(6 characters, fingerprint [0-9a-f]{8}\\); approver;"
                + " unknown name \\(16 characters, fingerprint [0-9a-f]{8}\\);"
                + " unknown name \\(16 characters, fingerprint [0-9a-f]{8}\\)");
        String all = page.prettify();
        for (String raw : RAW_PARTS) {
            assertThat(entry.toString()).doesNotContain(raw);
        }
        assertThat(all).contains(attempted);

        String csv = export("csv", Map.of("action", "LOGIN_FAILED"));
        String jsonl = export("jsonl", Map.of("action", "LOGIN_FAILED"));
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",prev_hash,hash,attempted_name");
        assertThat(csv).contains(attempted);
        assertThat(jsonl).contains("\"attempted_name\":\"" + attempted + "\"");
        for (String raw : RAW_PARTS) {
            assertThat(csv).doesNotContain(raw);
            assertThat(jsonl).doesNotContain(raw);
        }
    }

    @Test
    void aKnownAccountsNameIsKeptAndAnUnknownNamesFingerprintIsTheSameEveryTime() {
        signIns.failed("Approver", "form", "10.15.0.1");
        signIns.failed("\u0430pprover", "form", "10.15.0.1"); // a Cyrillic a
        signIns.failed("nobody-here", "form", "10.15.0.1");
        signIns.failed("nobody-here", "form", "10.15.0.1");
        signIns.failed("NOBODY-HERE", "form", "10.15.0.2");
        assertThat(signIns.flush()).isEqualTo(2);

        String fingerprint = AttemptedName.of("nobody-here", trail.signer()).fingerprint();
        assertThat(newestFrom("10.15.0.1").get("attemptedName")).isEqualTo("approver; unknown name (8 characters,"
                + " fingerprint " + AttemptedName.of("\u0430pprover", trail.signer()).fingerprint()
                + "); unknown name (11 characters, fingerprint " + fingerprint + ")");
        assertThat(newestFrom("10.15.0.1").get("note").toString())
                .startsWith("4 failed sign-ins (form) from 10.15.0.1");
        assertThat(newestFrom("10.15.0.2").get("attemptedName"))
                .isEqualTo("unknown name (11 characters, fingerprint " + fingerprint + ")");
    }

    @Test
    void fiveHundredFailuresFromOneAddressAreOneEntryPerFlush() {
        for (int i = 0; i < 500; i++) {
            signIns.failed("guess-" + i, "form", "10.15.1.1");
        }
        signIns.failed("guess-0", "basic", "10.15.1.1");
        assertThat(signIns.flush()).isEqualTo(2);
        assertThat(signIns.flush()).isZero();

        List<Map<String, Object>> items = audit(Map.of("action", "LOGIN_FAILED", "user", "anonymous"))
                .getList("items");
        List<Map<String, Object>> fromIt = items.stream().filter(i -> "10.15.1.1".equals(i.get("clientAddress")))
                .toList();
        assertThat(fromIt).hasSize(2);
        Map<String, Object> form = fromIt.stream().filter(i -> i.get("note").toString().contains("(form)"))
                .findFirst().orElseThrow();
        assertThat(form.get("note").toString()).startsWith("500 failed sign-ins (form) from 10.15.1.1 ");
        assertThat(form.get("attemptedName").toString()).hasSizeLessThanOrEqualTo(200)
                .endsWith("; and at least 61 more").doesNotContain("guess");
    }

    @Test
    void refusalsWhileBlockedAreCountedInTheSameEntry() {
        signIns.failed("reviewer", "form", "10.15.2.1");
        signIns.failed("reviewer", "form", "10.15.2.1");
        for (int i = 0; i < 3; i++) {
            signIns.blocked("reviewer", "form", "10.15.2.1");
        }
        assertThat(signIns.flush()).isEqualTo(1);
        Map<String, Object> entry = newestFrom("10.15.2.1");
        assertThat(entry.get("note").toString()).startsWith("5 failed sign-ins (form) from 10.15.2.1 ")
                .endsWith(", 3 of them refused while blocked");
        assertThat(entry.get("attemptedName")).isEqualTo("reviewer");
        String page = given().auth().preemptive().basic("auditor", "demo").accept("text/html")
                .queryParam("action", "LOGIN_FAILED").get("/audit").then().statusCode(200).extract().asString();
        assertThat(page).contains("names tried: reviewer");
    }

    @Test
    void moreThanFiftyAddressesInOneFlushGiveFiftyEntriesAndOneSummary() {
        for (int a = 1; a <= 60; a++) {
            for (int i = 0; i < a; i++) {
                signIns.failed("x", "form", "10.16.0." + a);
            }
        }
        assertThat(signIns.flush()).isEqualTo(SignInAudit.MAX_ENTRIES + 1);
        List<Map<String, Object>> items = audit(Map.of("action", "LOGIN_FAILED", "user", "anonymous"))
                .getList("items");
        assertThat(items.get(0).get("note").toString())
                .startsWith("55 further failed sign-ins from 10 addresses ")
                .endsWith("(more than 50 sources in one flush)");
        assertThat(items.get(0).get("clientAddress")).isNull();
        assertThat(items.get(0).get("attemptedName")).isNull();
        assertThat(items.stream().filter(i -> "10.16.0.60".equals(i.get("clientAddress")))).hasSize(1);
        assertThat(items.stream().filter(i -> "10.16.0.10".equals(i.get("clientAddress")))).isEmpty();
    }

    @Test
    void aSignInAndTheEndOfASessionAreRecordedAtOnceNamingTheUser() {
        signIns.succeeded("approver", List.of("APPROVER"), "form", null);
        signIns.signedOut("approver", List.of("APPROVER"), "idle timeout", null);
        JsonPath in = audit(Map.of("action", "LOGIN_SUCCEEDED", "user", "approver"));
        assertThat(in.getString("items[0].note")).isEqualTo("signed in (form)");
        assertThat(in.getList("items[0].actorRoles")).containsExactly("APPROVER");
        JsonPath out = audit(Map.of("action", "LOGOUT", "user", "approver"));
        assertThat(out.getString("items[0].note")).isEqualTo("session ended: idle timeout");
        assertThat(out.getString("items[0].attemptedName")).isNull();
    }

    @Test
    void theChainVerifiesAfterwardsAndVerifyExportPyChecksAnExportWithAttemptedNames() throws Exception {
        signIns.failed("nobody-at-all", "sso", "10.15.3.1");
        signIns.failed("approver", "second-factor", "10.15.3.1");
        assertThat(signIns.flush()).isEqualTo(2);
        trail.checkpoint();
        JsonPath verified = given().auth().preemptive().basic("auditor", "demo").get("/api/audit/verify")
                .then().statusCode(200).extract().jsonPath();
        assertThat(verified.getBoolean("ok")).as(verified.prettify()).isTrue();

        String jsonl = export("jsonl", Map.of());
        assertThat(jsonl).contains("\"attempted_name\":\"unknown name (13 characters");
        VerifyExportScript.verify(jsonl);
    }

    @Test
    void noOtherCodeCanWriteAnAnonymousEntry() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> AuditEvent.by("anonymous", List.of(), AuditAction.LOGIN_FAILED))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> AuditEvent.by("reviewer", List.of(), AuditAction.LOGIN_SUCCEEDED).attemptedName("x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
