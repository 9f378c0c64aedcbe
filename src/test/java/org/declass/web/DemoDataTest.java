package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Demo mode seeds every demo cable listed in the index, each parsed cleanly, and one account per role. */
@QuarkusTest
class DemoDataTest {

    @Test
    void everyDemoCableFileIsListedInTheIndex() throws IOException {
        List<String> listed = Startup.demoCableNames();
        assertThat(listed).hasSizeBetween(20, 40);
        for (String name : listed) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/cables/" + name)) {
                assertThat(in).as(name).isNotNull();
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).as(name).isNotBlank();
            }
        }
    }

    @Test
    void everyDemoCableIsStoredUnderTheReferenceItsFileIsNamedAfter() {
        for (String name : Startup.demoCableNames()) {
            String reference = name.replace(".txt", "");
            JsonPath page = given().auth().preemptive().basic("admin", "demo").queryParam("q", reference)
                    .get("/api/cables").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items.reference", String.class)).as(name).contains(reference);
        }
    }

    @Test
    void theDemoSetCoversEveryLevelNofornAndEachKindOfDeclassificationInstruction() {
        JsonPath page = given().auth().preemptive().basic("admin", "demo").queryParam("size", 200)
                .get("/api/cables").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.level", String.class))
                .contains("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET");
        assertThat(page.getList("items.banner", String.class)).anyMatch(b -> b.contains("NOFORN"));
        assertThat(page.getList("items.declassKind", String.class))
                .contains("DATE", "NOT_APPLICABLE", "OADR", "EXEMPTION", "EVENT");
    }

    @Test
    void noDemoCableTrippedTheParser() {
        JsonPath page = given().auth().preemptive().basic("admin", "demo").queryParam("size", 200)
                .get("/api/cables").then().statusCode(200).extract().jsonPath();
        for (Object id : page.getList("items.id")) {
            List<String> codes = given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + id)
                    .then().statusCode(200).extract().jsonPath().getList("findings.code", String.class);
            assertThat(codes).as("cable " + id).doesNotContain("P-INTERNAL");
        }
    }

    @Test
    void eachRoleHasADemoAccount() {
        for (String user : List.of("reviewer", "reviewer2", "approver", "auditor", "admin")) {
            given().auth().preemptive().basic(user, "demo").get("/api/cables?size=1").then().statusCode(200);
        }
    }
}
