package org.declass.web;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Outside demo mode, the first start creates one administrator with the configured password, and nothing else. */
@QuarkusTest
@TestProfile(FirstStartTest.NotDemo.class)
class FirstStartTest {

    public static class NotDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("declass.demo", "false",
                    "declass.admin.initial-password", "first-start-secret",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:first-start;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void theFirstAdministratorSignsInWithTheConfiguredPassword() {
        given().auth().preemptive().basic("admin", "first-start-secret").get("/api/cables")
                .then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void noDemoAccountExists() {
        given().auth().preemptive().basic("reviewer", "demo").get("/api/cables").then().statusCode(401);
        given().auth().preemptive().basic("admin", "demo").get("/api/cables").then().statusCode(401);
    }
}
