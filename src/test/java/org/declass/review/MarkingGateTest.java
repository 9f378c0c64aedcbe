package org.declass.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.as;
import static org.declass.review.ReviewApi.audit;
import static org.declass.review.ReviewApi.body;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.mark;
import static org.declass.review.ReviewApi.version;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A reviewer's marking change that would create an ERROR finding is refused unless it carries an override. */
@QuarkusTest
class MarkingGateTest {

    @Test
    void aMarkingThatCreatesAnErrorIsRefusedWithTheFindingAsTheMessage() {
        long id = ReviewApiTest.claimed("reviewer", "MK-GATE-1");
        mark("reviewer", id, "1", "SECRET", List.of("XD", "ND"), "both captions").then().statusCode(400)
                .body("message", containsString("R-CTL-2"))
                .body("message", containsString("EXDIS and NODIS cannot be combined"));
        assertThat(cable("reviewer", id).getList("findings.code")).doesNotContain("R-CTL-2");
    }

    @Test
    void anOverrideReasonLetsTheChangeThroughAuditedAndTheFindingsAreRecomputed() {
        long id = ReviewApiTest.claimed("reviewer", "MK-GATE-2");
        as("reviewer").body(body(version(id), "level", "SECRET", "controls", List.of("XD", "ND"), "reason",
                        "both captions", "override", "ordered by the Executive Secretariat"))
                .put("/api/cables/" + id + "/paragraphs/1/marking").then().statusCode(200);
        assertThat(cable("reviewer", id).getList("findings.code")).contains("R-CTL-2");
        Map<String, Object> entry = audit(id).stream().filter(e -> "MARKING_CHANGED".equals(e.get("action")))
                .reduce((a, b) -> b).orElseThrow();
        assertThat((String) entry.get("note")).contains("override: ordered by the Executive Secretariat");
    }

    @Test
    void aHarmlessMarkingChangeIsAcceptedAndTheFindingsFollowIt() {
        long id = ReviewApiTest.claimed("reviewer", "MK-GATE-3");
        mark("reviewer", id, "1", "SECRET", List.of("NF"), "names a liaison service").then().statusCode(200);
        assertThat(cable("reviewer", id).getInt("findings.findAll { it.severity == 'ERROR' }.size()")).isZero();
    }
}
