package org.declass.review;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Small helpers over the review API, shared by the review tests. Password "demo" for every test account. */
public final class ReviewApi {

    private ReviewApi() {
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static long ingest(String text) {
        return given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/cables")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath cable(String user, long id) {
        return as(user).get("/api/cables/" + id).then().statusCode(200).extract().jsonPath();
    }

    static long version(long id) {
        return cable("admin", id).getLong("version");
    }

    static Response action(String user, long id, String action, Map<String, Object> body) {
        return as(user).body(body).post("/api/cables/" + id + "/" + action);
    }

    /** The action with the cable's current version and the given extra fields. */
    static Response act(String user, long id, String action, Object... keyValues) {
        return action(user, id, action, body(version(id), keyValues));
    }

    /** A JSON body of a review action: the version read, and the given key-value pairs. */
    public static Map<String, Object> body(long version, Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    static Response redact(String user, long id, String paragraph, int start, int end, List<String> codes,
                           String note) {
        return as(user).body(body(version(id), "paragraph", paragraph, "start", start, "end", end, "codes", codes,
                "note", note)).post("/api/cables/" + id + "/redactions");
    }

    static Response mark(String user, long id, String paragraph, String level, List<String> controls,
                         String reason) {
        return as(user).body(body(version(id), "level", level, "controls", controls, "reason", reason))
                .put("/api/cables/" + id + "/paragraphs/" + paragraph + "/marking");
    }

    static Response dispose(String user, long id, String paragraph, String disposition, List<String> codes) {
        return as(user).body(body(version(id), "disposition", disposition, "codes", codes, "note", "checked"))
                .put("/api/cables/" + id + "/paragraphs/" + paragraph + "/disposition");
    }

    /** The cable's audit entries, oldest first, as the auditor sees them. */
    static List<Map<String, Object>> audit(long id) {
        List<Map<String, Object>> items = given().auth().preemptive().basic("auditor", "demo")
                .get("/api/audit?cable=" + id + "&size=200").then().statusCode(200).extract().jsonPath()
                .getList("items");
        java.util.List<Map<String, Object>> out = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The text of a paragraph as the API returns it, by its number. */
    static String text(long id, int number) {
        return cable("admin", id).getString("paragraphs.find { it.number == " + number + " }.text");
    }
}
