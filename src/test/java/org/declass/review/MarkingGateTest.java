package org.declass.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.as;
import static org.declass.review.ReviewApi.audit;
import static org.declass.review.ReviewApi.body;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.version;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/** A marking change that would create an ERROR finding is refused unless it carries an override reason. */
@QuarkusTest
class MarkingGateTest {

    private static io.restassured.response.Response remark(long id, String level, String override) {
        Map<String, Object> b = body(version(id), "level", level, "controls", List.of(), "reason", "source says so");
        if (override != null) {
            b.put("override", override);
        }
        return as("reviewer").body(b).put("/api/cables/" + id + "/paragraphs/2/marking");
    }

    @Test
    void classifyingAPortionOfACableWithoutAuthorityBlockIsRefusedWithTheFindingAndNothingChanges() {
        long id = ingest(CableFixtures.unclassifiedCable("6601", "MK-GATE-1"));
        act("reviewer", id, "claim").then().statusCode(200);
        long v = version(id);
        remark(id, "CONFIDENTIAL", null).then().statusCode(422)
                .body("message", containsString("refused: R-"))
                .body("message", containsString("override"));
        assertThat(version(id)).isEqualTo(v);
        assertThat(cable("reviewer", id).getString("banner")).isEqualTo("UNCLASSIFIED");
        assertThat(cable("reviewer", id).getString("paragraphs[1].marking.level")).isEqualTo("UNCLASSIFIED");
    }

    @Test
    void theSameChangeWithAnOverrideReasonIsAppliedAndTheOverrideIsAudited() {
        long id = ingest(CableFixtures.unclassifiedCable("6602", "MK-GATE-2"));
        act("reviewer", id, "claim").then().statusCode(200);
        remark(id, "CONFIDENTIAL", "OCA memo 2009-114 upgrades this paragraph").then().statusCode(200);
        assertThat(cable("reviewer", id).getString("banner")).isEqualTo("CONFIDENTIAL");
        assertThat(audit(id)).anyMatch(e -> "MARKING_CHANGED".equals(e.get("action"))
                && String.valueOf(e.get("note")).contains("override: OCA memo 2009-114"));
    }

    @Test
    void aChangeThatCreatesNoErrorNeedsNoOverride() {
        long id = ingest(CableFixtures.confidentialCable("6603", "MK-GATE-3"));
        act("reviewer", id, "claim").then().statusCode(200);
        remark(id, "CONFIDENTIAL", null).then().statusCode(200);
        assertThat(cable("reviewer", id).getString("paragraphs[1].marking.level")).isEqualTo("CONFIDENTIAL");
    }
}
