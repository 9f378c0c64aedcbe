package org.declass.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * The life of one cable from ingest to approval, as its users live it. Each numbered use case is one step; the
 * audit trail at the end tells the same story.
 */
@QuarkusTest
class CableLifecycleScenarioTest {

    static final String SOURCE = "MK-SCENARIO-SOURCE-5301";

    @Test
    void aCableIsIngestedReviewedReturnedReworkedAndApprovedByASecondPerson() {
        // 1. An administrator ingests a SECRET cable; it is NEW and nobody holds it.
        long id = given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(CableFixtures.secretCableForReview("5301", "MK-SCENARIO-PLAIN", SOURCE)
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/cables").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath cable = read(id);
        assertThat(cable.getString("state")).isEqualTo("NEW");
        assertThat(cable.getString("assignee")).isNull();

        // 2. A reviewer cleared SECRET claims it.
        post("reviewer", id, "claim", Map.of()).then().statusCode(200).body("state", equalTo("IN_REVIEW"));

        // 3. She confirms paragraph 3 as (C) and marks the unmarked-looking paragraph 1 (U) as it stands.
        put("reviewer", id, "/paragraphs/3/marking", Map.of("level", "C", "controls", List.of(),
                "reason", "confirmed against the source")).then().statusCode(200);

        // 4. She selects the source's name in paragraph 2 and redacts it under 50X1-HUM.
        String text = read(id).getString("paragraphs.find { it.number == 2 }.text");
        int start = text.indexOf(SOURCE);
        Response redaction = as("reviewer").body(with(version(id), "paragraph", "2", "start", start,
                "end", start + SOURCE.length(), "codes", List.of("50X1-HUM"), "note", "names a source"))
                .post("/api/cables/" + id + "/redactions");
        redaction.then().statusCode(201);

        // 5. She releases paragraph 1 and submits the cable for approval.
        put("reviewer", id, "/paragraphs/1/disposition", Map.of("disposition", "RELEASE")).then().statusCode(200);
        post("reviewer", id, "submit", Map.of()).then().statusCode(200).body("state", equalTo("SUBMITTED"));

        // 6. The approver returns it: paragraph 3 needs a decision.
        post("approver", id, "return", Map.of("reason", "paragraph 3 has no disposition")).then().statusCode(200)
                .body("state", equalTo("RETURNED"));

        // 7. The reviewer resumes it, withholds paragraph 3 in full and submits again.
        post("reviewer", id, "claim", Map.of()).then().statusCode(200).body("state", equalTo("IN_REVIEW"));
        put("reviewer", id, "/paragraphs/3/disposition", Map.of("disposition", "WITHHOLD",
                "codes", List.of("25X6"))).then().statusCode(200);
        post("reviewer", id, "submit", Map.of()).then().statusCode(200);

        // 8. The approver, who took no part in the review, approves; she is the release authority.
        post("approver", id, "approve", Map.of()).then().statusCode(200).body("state", equalTo("APPROVED"));
        cable = read(id);
        assertThat(cable.getString("workflow.approvedBy")).isEqualTo("approver");

        // 9. The markings and redactions are frozen now.
        as("reviewer").delete("/api/cables/" + id + "/redactions/" + redaction.jsonPath().getLong("redactionId")
                + "?version=" + version(id)).then().statusCode(409);

        // 10. The audit trail tells the story, in order, and never quotes the redacted name.
        List<Map<String, Object>> trail = trail(id);
        List<String> story = new ArrayList<>();
        for (Map<String, Object> e : trail) {
            if (!"PORTIONS_READ".equals(e.get("action"))) {
                story.add(e.get("action") + " " + e.get("actor"));
            }
        }
        assertThat(story).containsExactly(
                "CABLE_INGESTED admin",
                "STATE_CHANGED reviewer",
                "MARKING_CHANGED reviewer",
                "REDACTION_ADDED reviewer",
                "DISPOSITION_CHANGED reviewer",
                "STATE_CHANGED reviewer",
                "STATE_CHANGED approver",
                "STATE_CHANGED reviewer",
                "DISPOSITION_CHANGED reviewer",
                "STATE_CHANGED reviewer",
                "CABLE_APPROVED approver");
        assertThat(trail.toString()).doesNotContain(SOURCE);
        Map<String, Object> redacted = trail.stream().filter(e -> "REDACTION_ADDED".equals(e.get("action")))
                .findFirst().orElseThrow();
        assertThat(redacted).containsEntry("paragraph", 2).containsEntry("spanStart", start)
                .containsEntry("spanEnd", start + SOURCE.length());
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON);
    }

    private static JsonPath read(long id) {
        return as("admin").get("/api/cables/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static long version(long id) {
        return read(id).getLong("version");
    }

    private static Map<String, Object> with(long version, Object... kv) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        for (int i = 0; i < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return body;
    }

    private static Response post(String user, long id, String action, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("version", version(id));
        return as(user).body(body).post("/api/cables/" + id + "/" + action);
    }

    private static Response put(String user, long id, String path, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("version", version(id));
        return as(user).body(body).put("/api/cables/" + id + path);
    }

    private static List<Map<String, Object>> trail(long id) {
        List<Map<String, Object>> items = new ArrayList<>(given().auth().preemptive().basic("auditor", "demo")
                .get("/api/audit?cable=" + id + "&size=200").then().statusCode(200).extract().jsonPath()
                .getList("items"));
        Collections.reverse(items);
        return items;
    }
}
