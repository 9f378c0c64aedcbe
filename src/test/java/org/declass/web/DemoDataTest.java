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
        java.util.Set<String> levels = new java.util.HashSet<>();
        java.util.Set<String> banners = new java.util.HashSet<>();
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (String name : Startup.demoCableNames()) {
            JsonPath page = given().auth().preemptive().basic("admin", "demo")
                    .queryParam("q", name.replace(".txt", "")).get("/api/cables").then().statusCode(200)
                    .extract().jsonPath();
            levels.addAll(page.getList("items.level", String.class));
            banners.addAll(page.getList("items.banner", String.class));
            kinds.addAll(page.getList("items.declassKind", String.class));
        }
        assertThat(levels).contains("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET");
        assertThat(banners).anyMatch(b -> b.contains("NOFORN"));
        assertThat(kinds).contains("DATE", "NOT_APPLICABLE", "OADR", "EXEMPTION", "EVENT");
    }

    @Test
    void noDemoCableTrippedTheParser() {
        for (String name : Startup.demoCableNames()) {
            Object id = given().auth().preemptive().basic("admin", "demo")
                    .queryParam("q", name.replace(".txt", "")).get("/api/cables").then().statusCode(200)
                    .extract().jsonPath().getList("items.id").get(0);
            List<String> codes = given().auth().preemptive().basic("admin", "demo").get("/api/cables/" + id)
                    .then().statusCode(200).extract().jsonPath().getList("findings.code", String.class);
            assertThat(codes).as("cable " + id).doesNotContain("P-INTERNAL");
        }
    }

    @Test
    void eachRoleHasADemoAccount() {
        for (String user : List.of("reviewer", "reviewer2", "approver", "auditor", "auditor2", "admin")) {
            given().auth().preemptive().basic(user, "demo").get("/api/cables?size=1").then().statusCode(200);
        }
    }
}
