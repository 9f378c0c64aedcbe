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
            Map<String, String> config = new java.util.HashMap<>(Map.of("declass.demo", "false",
                    "declass.admin.initial-password", "first-start-secret"));
            // a database of its own: on H2 a separate in-memory one; on PostgreSQL (./mvnw verify -Ppg) the test
            // database is cleaned at every start anyway
            if (!System.getProperty("quarkus.test.profile", "test").contains("pg")) {
                config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:first-start;DB_CLOSE_DELAY=-1");
            }
            return config;
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
