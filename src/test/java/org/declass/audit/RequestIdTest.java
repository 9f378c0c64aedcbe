package org.declass.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The trail keeps a caller's X-Request-Id only when it is a UUID; anything else is replaced by a new one. */
@QuarkusTest
class RequestIdTest {

    static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** Queries the trail as auditor2 with this header; returns the request id its AUDIT_QUERIED entry holds. */
    static String recordedFor(String header) {
        given().auth().preemptive().basic("auditor2", "demo").header("X-Request-Id", header)
                .get("/api/audit?size=1").then().statusCode(200);
        return given().auth().preemptive().basic("auditor", "demo")
                .get("/api/audit?user=auditor2&action=AUDIT_QUERIED&size=1").then().statusCode(200).extract()
                .jsonPath().getString("items[0].requestId");
    }

    @Test
    void aRequestIdThatIsNotAUuidIsReplacedByANewUuid() {
        for (String header : new String[] {"not-a-uuid", "system:release", "approver", "1-1-1-1-1",
                "12345678-1234-1234-1234-1234567890ab-extra"}) {
            String stored = recordedFor(header);
            assertThat(stored).as(header).matches(UUID_TEXT).isNotEqualTo(header);
        }
    }

    @Test
    void aUuidRequestIdIsKeptInLowerCase() {
        String id = UUID.randomUUID().toString();
        assertThat(recordedFor(id.toUpperCase())).isEqualTo(id);
    }
}
