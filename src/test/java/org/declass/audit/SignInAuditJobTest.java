package org.declass.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The flush runs by itself on the interval: on the simple scheduler of this instance, beside clustered Quartz (the
 * composite scheduler), so that every instance writes the failures it counted.
 */
@QuarkusTest
@TestProfile(SignInAuditJobTest.FlushEverySecond.class)
class SignInAuditJobTest {

    public static class FlushEverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(Map.of("declass.audit.sign-in-flush", "1s"));
            if (!System.getProperty("quarkus.test.profile", "test").contains("pg")) {
                config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:sign-in-flush;DB_CLOSE_DELAY=-1");
            }
            return config;
        }
    }

    @Inject
    SignInAudit signIns;

    @Test
    void failedSignInsReachTheTrailWithinTheIntervalWithoutAnyoneCallingFlush() throws Exception {
        signIns.failed("nobody-scheduled", "form", "10.17.0.1");
        signIns.failed("nobody-scheduled", "form", "10.17.0.1");
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> items = given().auth().preemptive().basic("auditor", "demo")
                    .queryParam("action", "LOGIN_FAILED").queryParam("user", "anonymous").get("/api/audit")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            if (items.stream().anyMatch(e -> "10.17.0.1".equals(e.get("clientAddress")))) {
                assertThat(items.stream().filter(e -> "10.17.0.1".equals(e.get("clientAddress")))
                        .map(e -> e.get("note").toString())).allMatch(n -> n.startsWith("2 failed sign-ins (form)"));
                assertThat(signIns.pending()).isZero();
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the failed sign-ins were not written within 10 s");
    }
}
