package org.declass.related;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.release.ReleaseFlow;
import org.declass.release.ReleaseService;
import org.junit.jupiter.api.Test;

/**
 * X-CONSIST-1: what one cable withholds or redacts must not stand released, or approved for release, in another.
 * Found before approval, refused at approval unless overridden (audited).
 */
@QuarkusTest
class CrossCableConsistencyTest {

    @Inject
    ReleaseService releases;

    static List<Map<String, Object>> findings(long id, String code) {
        return given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + id).then().statusCode(200)
                .extract().jsonPath().getList("findings.findAll { it.code == '" + code + "' }");
    }

    static long version(long id) {
        return given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + id).then().extract().jsonPath()
                .getLong("version");
    }

    @Test
    void aParagraphWithheldHereAndApprovedVisibleInACableThatQuotesItBlocksApprovalUntilOverridden() {
        String quoted = RelatedApiTest.P2 + " Marker rlqx1quote8841.";
        ReleaseFlow a = ReleaseFlow.ingestAndClaim(RelatedApiTest.cable("8841", "C", null, RelatedApiTest.P1
                + " rlqx1a8841.", quoted, RelatedApiTest.P3), "reviewer");
        ReleaseFlow b = ReleaseFlow.ingestAndClaim(RelatedApiTest.cable("8842", "C", "09 RIGA 8841",
                "Our reporting of this week rlqx1b8842 on the ferry sale follows.", "As reported in reftel:", quoted),
                "reviewer2");
        b.submitAndApprove("approver");
        // the related index fingerprints every cable stored so far
        given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + b.id() + "/related").then()
                .statusCode(200);

        a.withhold(2, "25X1");
        List<Map<String, Object>> open = findings(a.id(), "X-CONSIST-1");
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).containsEntry("paragraph", 2).containsEntry("severity", "ERROR");
        assertThat((String) open.get(0).get("message")).contains("¶2", "¶3 of 09RIGA8842")
                .doesNotContain("rlqx1quote8841");

        given().auth().preemptive().basic("reviewer", "demo").contentType("application/json")
                .body(Map.of("version", version(a.id()))).post("/api/cables/" + a.id() + "/submit").then()
                .statusCode(200);
        given().auth().preemptive().basic("approver", "demo").contentType("application/json")
                .body(Map.of("version", version(a.id()))).post("/api/cables/" + a.id() + "/approve").then()
                .statusCode(409).body("message", containsString("X-CONSIST-1"))
                .body("message", containsString("09RIGA8842"));
        given().auth().preemptive().basic("approver", "demo").contentType("application/json")
                .body(Map.of("version", version(a.id()), "override", "09RIGA8842 is being reopened for re-review"))
                .post("/api/cables/" + a.id() + "/approve").then().statusCode(200);
        List<Map<String, Object>> audit = given().auth().preemptive().basic("auditor", "demo")
                .get("/api/audit?cable=" + a.id() + "&size=200").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.action == 'CABLE_APPROVED' }");
        assertThat(audit).singleElement().satisfies(e -> assertThat((String) e.get("note"))
                .contains("X-CONSIST-1", "being reopened for re-review"));
    }

    @Test
    void aNameRedactedHereThatStandsInAReleasedCableIsAFindingNamingThatCable() {
        ReleaseFlow released = ReleaseFlow.ingestAndClaim(RelatedApiTest.cable("8851", "C", null,
                "The invented harbour master Ilgvars Rlqx1name met econoff on Tuesday about the ferry.",
                RelatedApiTest.P2, RelatedApiTest.P3), "reviewer2");
        released.submitAndApprove("approver").release(releases);

        ReleaseFlow here = ReleaseFlow.ingestAndClaim(RelatedApiTest.cable("8852", "C", null,
                "A source, Ilgvars Rlqx1name, told econoff that the sale was agreed in March.", "Short rlqx1here.",
                RelatedApiTest.P3 + " rlqx1here8852."), "reviewer");
        here.redact(1, "Ilgvars Rlqx1name", "(b)(6)");

        List<Map<String, Object>> open = findings(here.id(), "X-CONSIST-1");
        assertThat(open).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("paragraph", 1);
            assertThat((String) f.get("message")).contains("09RIGA8851", "reading room").doesNotContain("Rlqx1name");
        });
    }
}
