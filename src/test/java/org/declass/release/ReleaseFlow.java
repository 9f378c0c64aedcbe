package org.declass.release;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Takes a cable through the review API as people would (ingest, claim, redact, withhold, submit, approve by a
 * second person), then releases it with {@link ReleaseService#release}, as the release job of issue 7 will. For
 * the reading-room, view and leak tests. Password "demo" for every account.
 */
public final class ReleaseFlow {

    private final long id;
    private final String reviewer;

    private ReleaseFlow(long id, String reviewer) {
        this.id = id;
        this.reviewer = reviewer;
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Ingests the text as admin and claims it as the reviewer. */
    public static ReleaseFlow ingestAndClaim(String text, String reviewer) {
        long id = given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/cables")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        ReleaseFlow flow = new ReleaseFlow(id, reviewer);
        flow.action("claim", Map.of());
        return flow;
    }

    public long id() {
        return id;
    }

    public JsonPath cable() {
        return as("admin").get("/api/cables/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Redacts the first occurrence of {@code words} in paragraph {@code number}; extra fields go into the body. */
    public ReleaseFlow redact(int number, String words, String code, Object... extra) {
        String text = cable().getString("paragraphs.find { it.number == " + number + " }.text");
        int start = text.indexOf(words);
        if (start < 0) {
            throw new IllegalArgumentException("'" + words + "' is not in paragraph " + number);
        }
        Map<String, Object> body = body("paragraph", String.valueOf(number), "start", start,
                "end", start + words.length(), "codes", List.of(code), "note", "redacted for the test");
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        as(reviewer).body(body).post("/api/cables/" + id + "/redactions").then().statusCode(201);
        return this;
    }

    public ReleaseFlow withhold(int number, String code) {
        as(reviewer).body(body("disposition", "WITHHOLD", "codes", List.of(code), "note", "withheld"))
                .put("/api/cables/" + id + "/paragraphs/" + number + "/disposition").then().statusCode(200);
        return this;
    }

    /**
     * Submits as the reviewer and approves as {@code approver}, with an override reason: some fixtures carry ERROR
     * findings on purpose (a (S//NF) paragraph under a SECRET banner), which approval otherwise refuses.
     */
    public ReleaseFlow submitAndApprove(String approver) {
        action("submit", Map.of());
        as(approver).body(body("override", "test fixture: its marking findings are deliberate"))
                .post("/api/cables/" + id + "/approve").then().statusCode(200);
        return this;
    }

    public ReleasedVersion release(ReleaseService releases) {
        return releases.release(id, "system:release", Set.of(), "E.O. 13526, section 3.3 (test)", Instant.now())
                .orElseThrow(() -> new IllegalStateException("cable " + id + " was not released"));
    }

    private void action(String action, Map<String, Object> extra) {
        Map<String, Object> body = body();
        body.putAll(extra);
        as(reviewer).body(body).post("/api/cables/" + id + "/" + action).then().statusCode(200);
    }

    private Map<String, Object> body(Object... kv) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", cable().getLong("version"));
        for (int i = 0; i < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return body;
    }
}
