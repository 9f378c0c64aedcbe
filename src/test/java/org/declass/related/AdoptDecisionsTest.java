package org.declass.related;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.release.ReleaseFlow;
import org.junit.jupiter.api.Test;

/** A retransmission is linked as a duplicate, and adopting the decisions of one gives the other the same public text. */
@QuarkusTest
class AdoptDecisionsTest {

    static final String NAME = "Ilgvars Rlqadoptname";

    static long version(long id) {
        return given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + id).then().extract().jsonPath()
                .getLong("version");
    }

    static List<Object> publicBody(long id) {
        return given().auth().preemptive().basic("reviewer", "demo")
                .get("/api/cables/" + id + "/view?audience=public&format=json").then().statusCode(200).extract()
                .jsonPath().getList("body");
    }

    @Test
    void aRetransmissionAdoptsTheDecisionsOfItsDuplicateAndGivesTheSamePublicText() {
        String p2 = "A source, " + NAME + ", told econoff that the sale was agreed in March rlqadopt8861.";
        String original = RelatedApiTest.cable("8861", "C", null, RelatedApiTest.P1, p2, RelatedApiTest.P3);
        ReleaseFlow a = ReleaseFlow.ingestAndClaim(original, "reviewer");
        ReleaseFlow b = ReleaseFlow.ingestAndClaim(original.replace("#8861", "#8862").replace("RIGA 008861",
                "RIGA 008862").replace("R 091530Z FEB 09", "R 101200Z FEB 09"), "reviewer2");
        a.redact(2, NAME, "25X1").withhold(3, "25X6").submitAndApprove("approver");

        JsonPath related = given().auth().preemptive().basic("reviewer2", "demo")
                .get("/api/cables/" + b.id() + "/related").then().statusCode(200).extract().jsonPath();
        assertThat(related.getList("duplicates.id", Long.class)).contains(a.id());

        given().auth().preemptive().basic("reviewer2", "demo").contentType("application/json")
                .body(Map.of("from", a.id(), "version", version(b.id())))
                .post("/api/cables/" + b.id() + "/adopt-decisions").then().statusCode(200);

        JsonPath cable = given().auth().preemptive().basic("reviewer2", "demo").get("/api/cables/" + b.id()).then()
                .statusCode(200).extract().jsonPath();
        assertThat(cable.getList("redactions")).hasSize(1);
        assertThat(publicBody(b.id())).isEqualTo(publicBody(a.id()));
        assertThat(publicBody(b.id()).toString()).doesNotContain("Rlqadoptname");
        List<Map<String, Object>> audit = given().auth().preemptive().basic("auditor", "demo")
                .get("/api/audit?cable=" + b.id() + "&size=200").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(audit).filteredOn(e -> String.valueOf(e.get("note")).contains("adopted from 09RIGA8861"))
                .extracting(e -> e.get("action")).contains("REDACTION_ADDED", "DISPOSITION_CHANGED");

        // adopting again changes nothing
        long v = version(b.id());
        given().auth().preemptive().basic("reviewer2", "demo").contentType("application/json")
                .body(Map.of("from", a.id(), "version", v)).post("/api/cables/" + b.id() + "/adopt-decisions")
                .then().statusCode(200);
        assertThat(version(b.id())).isEqualTo(v);
    }

    @Test
    void aCableWithADifferentBodyCannotAdoptAndSaysWhere() {
        ReleaseFlow a = ReleaseFlow.ingestAndClaim(RelatedApiTest.cable("8871", "C", null, RelatedApiTest.P1,
                RelatedApiTest.P2 + " rlqadopt8871.", RelatedApiTest.P3), "reviewer");
        ReleaseFlow b = ReleaseFlow.ingestAndClaim(RelatedApiTest.cable("8872", "C", null, RelatedApiTest.P1,
                RelatedApiTest.P2 + " rlqadopt8872.", RelatedApiTest.P3), "reviewer2");
        a.submitAndApprove("approver");
        long v = version(b.id());

        given().auth().preemptive().basic("reviewer2", "demo").contentType("application/json")
                .body(Map.of("from", a.id(), "version", v)).post("/api/cables/" + b.id() + "/adopt-decisions")
                .then().statusCode(409).body("message", containsString("¶2"));
        given().auth().preemptive().basic("reviewer2", "demo").contentType("application/json")
                .body(Map.of("version", v)).post("/api/cables/" + b.id() + "/adopt-decisions")
                .then().statusCode(400).body("message", containsString("from is required"));
        assertThat(version(b.id())).isEqualTo(v);
    }

    @Test
    void theReviewScreenOffersToAdoptADuplicatesDecisionsAndTheFormDoesIt() {
        String p2 = "A source, " + NAME + "b, told econoff that the sale was agreed in April rlqadopt8881.";
        String original = RelatedApiTest.cable("8881", "C", null, RelatedApiTest.P1, p2, RelatedApiTest.P3);
        ReleaseFlow a = ReleaseFlow.ingestAndClaim(original, "reviewer");
        ReleaseFlow b = ReleaseFlow.ingestAndClaim(original.replace("#8881", "#8882").replace("RIGA 008881",
                "RIGA 008882"), "reviewer2");
        a.redact(2, NAME + "b", "25X1").submitAndApprove("approver");

        String session = org.declass.web.SignIn.as("reviewer2");
        String screen = given().cookie(org.declass.web.SignIn.COOKIE, session).accept("text/html")
                .get("/review/" + b.id()).then().statusCode(200).extract().asString();
        assertThat(screen).contains("Adopt its decisions", "name=\"from\" value=\"" + a.id() + "\"");

        given().cookie(org.declass.web.SignIn.COOKIE, session).redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded").formParam("version", version(b.id()))
                .formParam("from", a.id()).formParam(org.declass.web.SignIn.CSRF_FIELD,
                        org.declass.web.SignIn.csrfToken(session))
                .post("/review/" + b.id() + "/adopt").then().statusCode(303);
        assertThat(publicBody(b.id())).isEqualTo(publicBody(a.id()));
        // the cable page, not the review screen, offers nothing to adopt
        assertThat(given().cookie(org.declass.web.SignIn.COOKIE, session).accept("text/html")
                .get("/cables/" + b.id()).then().statusCode(200).extract().asString())
                .doesNotContain("Adopt its decisions");
    }
}
