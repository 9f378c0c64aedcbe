package org.declass.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's filter (issue 19): a cable by its reference as well as its id, an unknown reference named, and the
 * reads of classified text shown or hidden.
 */
@QuarkusTest
class AuditTrailFilterTest {

    static long id;

    @BeforeEach
    void aCableThatWasRead() {
        if (id != 0) {
            return;
        }
        String text = CableFixtures.secretNofornCableWithMixedPortions("3391", "MK-U-3391", "MK-C-3391",
                "MK-SNF-3391", "MK-S-3391");
        id = AuditTrailTest.ingest("admin", text).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + id).then().statusCode(200);
    }

    private static String reference() {
        return AuditTrailTest.audit(Map.of("cable", id, "action", "CABLE_INGESTED")).getString("items[0].cableReference");
    }

    @Test
    void theApiFiltersByACablesReferenceAsByItsId() {
        String reference = reference();
        JsonPath byId = AuditTrailTest.audit(Map.of("cable", id, "reads", "false"));
        // every query about a cable is itself recorded against it (AUDIT_QUERIED): one more each time
        JsonPath byReference = AuditTrailTest.audit(Map.of("cable", reference, "reads", "false"));
        JsonPath lowerCase = AuditTrailTest.audit(Map.of("cable", reference.toLowerCase(), "reads", "false"));
        assertThat(byId.getLong("total")).isPositive();
        assertThat(byReference.getLong("total")).isEqualTo(byId.getLong("total") + 1);
        assertThat(lowerCase.getLong("total")).isEqualTo(byId.getLong("total") + 2);
        assertThat(byReference.getList("items.cableId", Long.class)).containsOnly(id);
        assertThat(byReference.getList("items.action", String.class)).contains("CABLE_INGESTED", "AUDIT_QUERIED");
    }

    @Test
    void anUnknownReferenceIsA404NamingItInTheApiAndOnThePage() {
        given().auth().preemptive().basic("auditor", "demo").queryParam("cable", "99NOWHERE4242").get("/api/audit")
                .then().statusCode(404).body("message", org.hamcrest.Matchers.equalTo(
                        "no cable with reference 99NOWHERE4242"));
        given().auth().preemptive().basic("auditor", "demo").queryParam("cable", "99NOWHERE4242")
                .get("/api/audit/export.csv").then().statusCode(404);
        String page = given().auth().preemptive().basic("auditor", "demo").accept("text/html")
                .queryParam("cable", "99NOWHERE4242").queryParam("user", "reviewer").get("/audit")
                .then().statusCode(404).extract().asString();
        assertThat(page).contains("no cable with reference 99NOWHERE4242").contains("value=\"99NOWHERE4242\"")
                .contains("value=\"reviewer\"").contains("aria-invalid=\"true\"").doesNotContain("No entries match");
        given().auth().preemptive().basic("auditor", "demo").queryParam("cable", "x".repeat(80)).get("/api/audit")
                .then().statusCode(400);
    }

    @Test
    void thePageFiltersByReferenceAndKeepsItInThePagingAndExportLinks() {
        String reference = reference();
        String page = given().auth().preemptive().basic("auditor", "demo").accept("text/html")
                .queryParam("cable", reference).get("/audit").then().statusCode(200).extract().asString();
        assertThat(page).contains("CABLE_INGESTED").contains("value=\"" + reference + "\"")
                .contains("/api/audit/export.csv?cable=" + reference + "&amp;reads=false");
    }

    @Test
    void readsAreHiddenOnThePageUnlessAskedForAndShownByTheApiUnlessTurnedOff() {
        String hidden = given().auth().preemptive().basic("auditor", "demo").accept("text/html")
                .queryParam("cable", id).get("/audit").then().statusCode(200).extract().asString();
        assertThat(hidden).doesNotContain("<span class=\"tag\">PORTIONS_READ</span>").contains("CABLE_INGESTED")
                .contains("are hidden");
        String shown = given().auth().preemptive().basic("auditor", "demo").accept("text/html")
                .queryParam("cable", id).queryParam("reads", "on").get("/audit").then().statusCode(200).extract()
                .asString();
        assertThat(shown).contains("<span class=\"tag\">PORTIONS_READ</span>").contains("checked");
        assertThat(AuditTrailTest.audit(Map.of("cable", id)).getList("items.action", String.class))
                .contains("PORTIONS_READ");
        assertThat(AuditTrailTest.audit(Map.of("cable", id, "reads", "false")).getList("items.action", String.class))
                .doesNotContain("PORTIONS_READ").contains("CABLE_INGESTED");
        assertThat(AuditTrailTest.audit(Map.of("cable", id, "reads", "false", "action", "PORTIONS_READ"))
                .getList("items.action", String.class)).containsOnly("PORTIONS_READ");
        given().auth().preemptive().basic("auditor", "demo").queryParam("reads", "maybe").get("/api/audit")
                .then().statusCode(400);
    }

    @Test
    void aReviewerStillMayNotReadTheTrail() {
        given().auth().preemptive().basic("reviewer", "demo").queryParam("cable", reference()).get("/api/audit")
                .then().statusCode(403);
        given().auth().preemptive().basic("reviewer", "demo").accept("text/html").queryParam("cable", "99NOWHERE1")
                .get("/audit").then().statusCode(403);
    }
}
