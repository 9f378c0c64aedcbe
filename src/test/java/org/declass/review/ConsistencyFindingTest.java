package org.declass.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.audit;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.redact;
import static org.declass.review.ReviewApi.text;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * X-CONSIST-2 through the review: a name redacted in one paragraph and left in another of the same cable is an
 * ERROR finding on the paragraph where it stands, approval is refused while it is open, and an override is audited.
 */
@QuarkusTest
class ConsistencyFindingTest {

    static final String NAME = "KVITKACONSIST";

    static List<Map<String, Object>> consistency(long id) {
        JsonPath c = cable("reviewer", id);
        return c.getList("findings.findAll { it.code == 'X-CONSIST-2' }");
    }

    @Test
    void aNameRedactedInOneParagraphAndLeftInAnotherBlocksApprovalUntilRedactedThereOrOverridden() {
        // paragraph 1 (U) and paragraph 2 (S) both carry the name
        long id = ingest(CableFixtures.secretCableForReview(ReviewApiTest.serial(), NAME, NAME));
        act("reviewer", id, "claim").then().statusCode(200);
        int at = text(id, 2).indexOf(NAME);
        redact("reviewer", id, "2", at, at + NAME.length(), List.of("25X1"), "source").then().statusCode(201);

        List<Map<String, Object>> open = consistency(id);
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).containsEntry("paragraph", 1).containsEntry("severity", "ERROR");
        assertThat((String) open.get(0).get("message")).contains("¶2", "¶1").doesNotContain(NAME);

        act("reviewer", id, "submit").then().statusCode(200);
        act("approver", id, "approve").then().statusCode(409).body("message", containsString("X-CONSIST-2"));
        act("approver", id, "approve", "override", "the name is public in paragraph 1 by the source's consent")
                .then().statusCode(200);
        assertThat(audit(id)).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("CABLE_APPROVED");
            assertThat((String) e.get("note")).contains("X-CONSIST-2", "by the source's consent");
        });
    }

    @Test
    void redactingTheNameInEveryPlaceClosesTheFinding() {
        long id = ingest(CableFixtures.secretCableForReview(ReviewApiTest.serial(), NAME, NAME));
        act("reviewer", id, "claim").then().statusCode(200);
        int at2 = text(id, 2).indexOf(NAME);
        redact("reviewer", id, "2", at2, at2 + NAME.length(), List.of("25X1"), "source").then().statusCode(201);
        assertThat(consistency(id)).hasSize(1);

        int at1 = text(id, 1).indexOf(NAME);
        redact("reviewer", id, "1", at1, at1 + NAME.length(), List.of("(b)(6)"), "source").then().statusCode(201);

        assertThat(consistency(id)).isEmpty();
    }
}
