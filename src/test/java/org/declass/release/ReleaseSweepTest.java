package org.declass.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.release.ReleaseTestSupport.approved;
import static org.declass.release.ReleaseTestSupport.as;
import static org.declass.release.ReleaseTestSupport.ingest;
import static org.declass.release.ReleaseTestSupport.markApproved;
import static org.declass.release.ReleaseTestSupport.releaseActor;
import static org.declass.release.ReleaseTestSupport.releaseAudits;
import static org.declass.release.ReleaseTestSupport.releasedVersions;
import static org.declass.release.ReleaseTestSupport.state;
import static org.declass.release.ReleaseTestSupport.version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The release sweep: what it releases, what it never releases, and exactly once under concurrency. */
@QuarkusTest
class ReleaseSweepTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Inject
    ReleaseSweep sweep;

    @Inject
    EntityManager em;

    @Test
    void aDueApprovedCableIsReleasedOnceBySystemReleaseWithOneAuditEntryAndOneFrozenVersion() {
        long id = approved("DECL: 02/09/2019");
        SweepReport first = sweep.sweep(NOW, "test");
        assertThat(first.released()).contains(id);
        assertThat(state(em, id)).isEqualTo("RELEASED");
        assertThat(releasedVersions(em, id)).isEqualTo(1);
        assertThat(releaseAudits(em, id)).isEqualTo(1);
        assertThat(releaseActor(em, id)).isEqualTo("system:release");

        SweepReport again = sweep.sweep(NOW.plusSeconds(3600), "test");
        assertThat(again.released()).doesNotContain(id);
        assertThat(releasedVersions(em, id)).isEqualTo(1);
        assertThat(releaseAudits(em, id)).isEqualTo(1);
    }

    @Test
    void aCableIsNotReleasedBeforeItsDateAndIsReleasedOnIt() {
        long id = approved("DECL: 02/09/2040");
        assertThat(sweep.sweep(Instant.parse("2040-02-08T23:59:59Z"), "test").released()).doesNotContain(id);
        assertThat(state(em, id)).isEqualTo("APPROVED");
        assertThat(sweep.sweep(Instant.parse("2040-02-09T00:00:01Z"), "test").released()).contains(id);
    }

    @Test
    void aDueCableThatIsNotApprovedIsNeverReleasedAndIsListedAsOverdue() {
        long before = as("reviewer").get("/api/release/overdue").then().statusCode(200).extract().jsonPath()
                .getLong("count");
        long id = ingest("DECL: 02/09/2019");
        SweepReport r = sweep.sweep(NOW, "test");
        assertThat(r.released()).doesNotContain(id);
        assertThat(r.skipped().get("notApproved")).isPositive();
        assertThat(state(em, id)).isEqualTo("NEW");
        JsonPath overdue = as("reviewer").get("/api/release/overdue").then().statusCode(200).extract().jsonPath();
        assertThat(overdue.getLong("count")).isEqualTo(before + 1);
        assertThat(overdue.getList("items.state", String.class)).doesNotContain("APPROVED", "RELEASED", "ON_HOLD");
    }

    @Test
    void theSkippedCountsAreExactBelowTheirCapAndSayAtLeastWhenTheyReachIt() {
        ingest("DECL: 02/09/2019");
        ingest("DECL: 03/09/2019");
        // the exact count at the sweep's day (the calendar's overdue count is at the real today)
        long exact = QuarkusTransaction.requiringNew().call(() -> sweep.countDue(ReleaseSweep.WAITING,
                java.time.LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC)));
        SweepReport r = sweep.sweep(NOW, "test");
        assertThat(r.skipped().get("notApproved")).isEqualTo(exact);
        assertThat(r.skippedCapped()).isEmpty();
        int cap = ReleaseSweep.skippedCap;
        try {
            ReleaseSweep.skippedCap = (int) exact - 1;
            SweepReport capped = sweep.sweep(NOW, "test");
            assertThat(capped.skipped().get("notApproved")).isEqualTo(exact - 1);
            assertThat(capped.skippedCapped()).containsExactly("notApproved");
        } finally {
            ReleaseSweep.skippedCap = cap;
        }
    }

    @Test
    void aCableOnHoldIsSkippedAndAHoldWithALaterDateMovesItsReleaseDate() {
        long id = approved("DECL: X5");
        JsonPath before = as("approver").get("/api/cables/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(before.getString("release.date")).isEqualTo("2034-02-09");
        assertThat(before.getString("release.derivation")).contains("X5").contains("25 years");

        as("approver").body(Map.of("version", version(id), "code", "25X6", "reason", "foreign government consult",
                "until", "2036-01-01")).post("/api/cables/" + id + "/hold").then().statusCode(200);
        JsonPath held = as("approver").get("/api/cables/" + id).then().extract().jsonPath();
        assertThat(held.getString("release.date")).isEqualTo("2036-01-01");
        assertThat(held.getString("release.basis")).isEqualTo("HELD");

        assertThat(sweep.sweep(Instant.parse("2035-01-01T00:00:00Z"), "test").released()).doesNotContain(id);
        // past the hold's date, still held: skipped, counted as due on hold
        SweepReport r = sweep.sweep(Instant.parse("2037-01-01T00:00:00Z"), "test");
        assertThat(r.released()).doesNotContain(id);
        assertThat(r.skipped().get("onHold")).isPositive();
        assertThat(state(em, id)).isEqualTo("ON_HOLD");

        as("approver").body(Map.of("version", version(id))).post("/api/cables/" + id + "/unhold").then()
                .statusCode(200);
        assertThat(as("approver").get("/api/cables/" + id).then().extract().jsonPath().getString("release.date"))
                .isEqualTo("2034-02-09");
        assertThat(sweep.sweep(Instant.parse("2035-01-01T00:00:00Z"), "test").released()).contains(id);
    }

    @Test
    void twoSweepsAtTheSameTimeReleaseEachCableExactlyOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(ingest("DECL: 02/09/2019"));
        }
        markApproved(em, ids);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<SweepReport>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return sweep.sweep(NOW, "parallel");
                }));
            }
            start.countDown();
            Set<Long> seen = new HashSet<>();
            for (Future<SweepReport> f : runs) {
                for (long id : f.get().released()) {
                    assertThat(seen.add(id)).as("cable %d released by two sweeps", id).isTrue();
                }
            }
            assertThat(seen).containsAll(ids);
        } finally {
            pool.shutdownNow();
        }
        for (long id : ids) {
            assertThat(state(em, id)).isEqualTo("RELEASED");
            assertThat(releasedVersions(em, id)).as("released versions of %d", id).isEqualTo(1);
            assertThat(releaseAudits(em, id)).as("CABLE_RELEASED entries of %d", id).isEqualTo(1);
        }
    }

    @Test
    void anEventCableIsReleasedOnlyAfterAnApproverRecordsTheEvent() {
        long id = approved("DECL: AFTER THE CLOSURE OF THE INVENTED QUOTA INQUIRY");
        JsonPath pending = as("approver").get("/api/cables/" + id).then().extract().jsonPath();
        assertThat(pending.getString("release.date")).isNull();
        assertThat(pending.getString("release.basis")).isEqualTo("EVENT_PENDING");
        assertThat(sweep.sweep(Instant.parse("2199-01-01T00:00:00Z"), "test").released()).doesNotContain(id);

        as("reviewer").body(Map.of("occurredOn", "2024-03-01", "version", version(id)))
                .post("/api/cables/" + id + "/event").then().statusCode(403);
        as("approver").body(Map.of("occurredOn", "2999-03-01", "version", version(id)))
                .post("/api/cables/" + id + "/event").then().statusCode(400);
        as("approver").body(Map.of("occurredOn", "2024-03-01", "note", "inquiry closed", "version", version(id)))
                .post("/api/cables/" + id + "/event").then().statusCode(200);
        JsonPath recorded = as("approver").get("/api/cables/" + id).then().extract().jsonPath();
        assertThat(recorded.getString("release.date")).isEqualTo("2024-03-01");
        assertThat(recorded.getString("release.eventRecordedBy")).isEqualTo("approver");
        assertThat(ReleaseTestSupport.count(em, "select count(*) from audit_entry where cable_id = :id"
                + " and action = 'RELEASE_EVENT_RECORDED'", id)).isEqualTo(1);
        assertThat(sweep.sweep(NOW, "test").released()).contains(id);
    }

    @Test
    void aReleasedVersionDoesNotChangeWhenTheCableIsLaterChanged() {
        long id = approved("DECL: 02/09/2019");
        sweep.sweep(NOW, "test");
        String sha = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select sha256 from released_version where cable_id = :id").setParameter("id", id).getSingleResult());
        // a released cable takes no review action: marking, holding and claiming it are refused
        as("reviewer").body(Map.of("level", "S", "reason", "re-mark after release", "version", version(id)))
                .put("/api/cables/" + id + "/paragraphs/1/marking").then().statusCode(409);
        as("approver").body(Map.of("version", version(id), "code", "25X6", "reason", "late", "until", "2040-01-01"))
                .post("/api/cables/" + id + "/hold").then().statusCode(409);
        as("approver").body(Map.of("version", version(id))).post("/api/cables/" + id + "/release").then()
                .statusCode(409);
        String after = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select sha256 from released_version where cable_id = :id").setParameter("id", id).getSingleResult());
        assertThat(after).isEqualTo(sha);
        assertThat(releasedVersions(em, id)).isEqualTo(1);
    }

    @Test
    void theCablePageShowsTheReleaseDateAndHowItWasDerived() {
        long id = ingest("DECL: X1, X6");
        String html = io.restassured.RestAssured.given().auth().preemptive().basic("approver", "demo")
                .get("/cables/" + id).then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"release-date\"").contains("2034-02-09").contains("X1, X6: 25 years after");
        JsonPath json = as("approver").get("/api/cables/" + id).then().extract().jsonPath();
        assertThat(json.getString("release.date")).isEqualTo("2034-02-09");
        assertThat(json.getString("declassification.kind")).isEqualTo("EXEMPTION");
        assertThat(LocalDate.parse(json.getString("release.date"))).isAfter(LocalDate.of(2026, 1, 1));
    }
}
