package org.declass.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.release.ReleaseTestSupport.as;
import static org.declass.release.ReleaseTestSupport.approved;
import static org.declass.release.ReleaseTestSupport.ingest;
import static org.declass.release.ReleaseTestSupport.releaseActor;
import static org.declass.release.ReleaseTestSupport.version;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** Who may sweep, release now and read the calendar; bad input answers 4xx naming the problem. */
@QuarkusTest
class ReleaseApiTest {

    @Inject
    EntityManager em;

    @Test
    void theSweepEndpointIsForAdministratorsOnly() {
        given().post("/api/release/sweep").then().statusCode(401);
        as("reviewer").post("/api/release/sweep").then().statusCode(403);
        as("approver").post("/api/release/sweep").then().statusCode(403);
        JsonPath r = as("admin").post("/api/release/sweep").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("released")).isNotNull();
        assertThat(r.getMap("skipped")).containsKeys("notApproved", "onHold", "eventPending", "alreadyReleased");
        assertThat(r.getLong("durationMs")).isNotNegative();
    }

    @Test
    void anApproverMayReleaseADueCableNowAndIsTheAuditedActor() {
        long id = approved("DECL: 02/09/2019");
        as("reviewer").body(Map.of("version", version(id))).post("/api/cables/" + id + "/release").then()
                .statusCode(403).body("message", containsString("APPROVER"));
        as("approver").body(Map.of("version", version(id))).post("/api/cables/" + id + "/release").then()
                .statusCode(200).body("releasedBy", org.hamcrest.Matchers.equalTo("approver"));
        assertThat(releaseActor(em, id)).isEqualTo("approver");
        as("approver").body(Map.of("version", version(id))).post("/api/cables/" + id + "/release").then()
                .statusCode(409);
    }

    @Test
    void theApproverWhoReviewedACableMayNotReleaseItNow() {
        long id = ingest("DECL: 02/09/2019");
        ReleaseTestSupport.act("admin", id, "claim", 200);
        ReleaseTestSupport.act("admin", id, "submit", 200);
        ReleaseTestSupport.act("approver", id, "approve", 200);
        as("admin").body(Map.of("version", version(id))).post("/api/cables/" + id + "/release").then()
                .statusCode(403).body("message", containsString("two-person rule"));
    }

    @Test
    void aCableThatIsNotDueOrNotApprovedCannotBeReleasedNow() {
        long future = approved("DECL: 02/09/2040");
        as("approver").body(Map.of("version", version(future))).post("/api/cables/" + future + "/release").then()
                .statusCode(409).body("message", containsString("not due"));
        long unapproved = ingest("DECL: 02/09/2019");
        as("approver").body(Map.of("version", version(unapproved))).post("/api/cables/" + unapproved + "/release")
                .then().statusCode(409);
    }

    @Test
    void theCalendarNamesABadDateParameter() {
        as("reviewer").get("/api/release/calendar?from=2027-13-01").then().statusCode(400)
                .body("message", containsString("from"));
        as("reviewer").get("/api/release/calendar?from=2027-01-01&to=yesterday").then().statusCode(400)
                .body("message", containsString("to"));
        as("reviewer").get("/api/release/calendar?from=2027-01-01&to=2026-01-01").then().statusCode(400);
        given().get("/api/release/calendar").then().statusCode(401);
    }

    @Test
    void theCalendarCountsUpcomingReleasesByMonth() {
        approved("DECL: 03/15/2031");
        JsonPath cal = as("reviewer").get("/api/release/calendar?from=2031-01-01&to=2031-12-31").then()
                .statusCode(200).extract().jsonPath();
        assertThat(cal.getList("months")).hasSize(12);
        assertThat(cal.getLong("months.find { it.month == '2031-03' }.count")).isPositive();
        assertThat(cal.getLong("months.find { it.month == '2031-03' }.approved")).isPositive();
    }

    @Test
    void theICalendarFeedIsForApproversAndIsTextCalendar() {
        approved("DECL: 03/15/2031");
        given().auth().preemptive().basic("reviewer", "demo").get("/api/release/calendar.ics").then().statusCode(403);
        given().get("/api/release/calendar.ics").then().statusCode(401);
        String ics = given().auth().preemptive().basic("approver", "demo")
                .get("/api/release/calendar.ics?from=2031-01-01&to=2031-12-31").then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART;VALUE=DATE:20310315");
    }

    @Test
    void theHomePageAndTheCalendarPageShowReleaseCounts() {
        String home = given().auth().preemptive().basic("reviewer", "demo").get("/").then().statusCode(200)
                .extract().asString();
        assertThat(home).contains("id=\"count-overdue\"");
        String page = given().auth().preemptive().basic("reviewer", "demo").get("/release").then().statusCode(200)
                .extract().asString();
        // the chart is drawn on the server: the page's one script is the layout's menu button
        assertThat(page).contains("<svg id=\"release-chart\"").contains("Overdue").contains("id=\"chart-table\"");
        assertThat(page.replace("<script src=\"/js/nav.js\" defer></script>", "")).doesNotContain("<script");
    }

    @Inject
    org.declass.web.DeclassClock clock;

    @Test
    void inDemoModeAnAdministratorJumpingToADateMovesTheClockAuditedAndReleasesWhatComesDue() {
        long id = approved("DECL: 02/09/2040");
        try {
            given().auth().preemptive().basic("admin", "demo").redirects().follow(false)
                    .formParam("date", "2040-02-10").post("/release/jump").then().statusCode(303)
                    .header("Location", containsString("jumped=2040-02-10"));
            assertThat(ReleaseTestSupport.state(em, id)).isEqualTo("RELEASED");
            assertThat(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                    .isEqualTo(java.time.LocalDate.of(2040, 2, 10));
            given().auth().preemptive().basic("admin", "demo").formParam("date", "someday")
                    .post("/release/jump").then().statusCode(400);
        } finally {
            clock.reset();
        }
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from audit_entry where action = 'CLOCK_MOVED'"
                        + " and note like '%to 2040-02-10%'").getSingleResult()).longValue())).isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorMovesTheDemoClockAndForAnyoneElseNothingMovesAndNoSweepRuns() {
        long id = approved("DECL: 03/09/2041");
        java.time.Instant before = clock.instant();
        long entries = auditEntries();
        for (String user : new String[] {"reviewer", "approver", "auditor", "reviewer2"}) {
            given().auth().preemptive().basic(user, "demo").redirects().follow(false)
                    .formParam("date", "2041-03-10").post("/release/jump").then().statusCode(403)
                    .body(containsString("only an administrator may move the demo clock"));
            given().auth().preemptive().basic(user, "demo").redirects().follow(false)
                    .formParam("date", "someday").post("/release/jump").then().statusCode(403);
        }
        assertThat(java.time.Duration.between(before, clock.instant()).abs()).isLessThan(java.time.Duration.ofHours(1));
        assertThat(ReleaseTestSupport.state(em, id)).isEqualTo("APPROVED");
        assertThat(auditEntries()).as("no CLOCK_MOVED, no release").isEqualTo(entries);
        String page = given().auth().preemptive().basic("approver", "demo").get("/release").then().statusCode(200)
                .extract().asString();
        assertThat(page).doesNotContain("jump-form");
        assertThat(given().auth().preemptive().basic("admin", "demo").get("/release").then().statusCode(200)
                .extract().asString()).contains("jump-form");
    }

    private long auditEntries() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from audit_entry where action in ('CLOCK_MOVED', 'CABLE_RELEASED')")
                .getSingleResult()).longValue());
    }
}
