package org.declass.release;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;

/** Invented cables with a chosen E.O. line, taken through review over the API, and counts read from the database. */
final class ReleaseTestSupport {

    private static final AtomicInteger SERIAL = new AtomicInteger(1000 + (int) (Math.abs(System.nanoTime()) % 4000));

    private ReleaseTestSupport() {
    }

    /** A CONFIDENTIAL cable from an invented post with the given instruction after "E.O. 12958: ". */
    static String cable(int serial, String instruction) {
        return """
                VZCZCXRO5511
                RR RUEHWEB
                DE RUEHRK #%1$s 0401530
                ZNY CCCCC ZZH
                R 091530Z FEB 09
                FM AMEMBASSY REYKJAVIK
                TO RUEHC/SECSTATE WASHDC 5511

                C O N F I D E N T I A L REYKJAVIK 00%1$s

                SIPDIS

                E.O. 12958: %2$s
                TAGS: ECON EFIS IC
                SUBJECT: ICELAND: INVENTED FISHERIES QUOTA TALKS %1$s

                Classified By: CDA Jon R. Doe, reasons 1.4 (b) and (d)

                1. (C) Two fictional trawler companies asked the ministry
                for a larger quota in the invented northern zone.

                2. (U) The talks resume next month.

                DOE
                """.formatted(serial, instruction);
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Ingests a new cable with this instruction; returns its id. */
    static long ingest(String instruction) {
        return given().auth().preemptive().basic("admin", "demo").contentType("text/plain; charset=UTF-8")
                .body(cable(SERIAL.incrementAndGet(), instruction).getBytes(StandardCharsets.UTF_8))
                .post("/api/cables").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long version(long id) {
        return as("admin").get("/api/cables/" + id).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    static void act(String user, long id, String action, int status) {
        as(user).body(Map.of("version", version(id))).post("/api/cables/" + id + "/" + action).then()
                .statusCode(status);
    }

    /** reviewer claims and submits, approver approves: the two-person rule, over the API. */
    static long approved(String instruction) {
        long id = ingest(instruction);
        act("reviewer", id, "claim", 200);
        act("reviewer", id, "submit", 200);
        // some instructions here are findings of their own (a date beyond 25 years, an X code): approval names them
        // and needs an override reason, which these release tests give
        as("approver").body(Map.of("version", version(id), "override", "release test fixture"))
                .post("/api/cables/" + id + "/approve").then().statusCode(200);
        return id;
    }

    /** Many approved cables quickly: the approval itself is not what these tests are about. */
    static void markApproved(EntityManager em, List<Long> ids) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update cable set state = 'APPROVED',"
                + " approved_by = 'approver', approved_at = current_timestamp where id in (:ids)")
                .setParameter("ids", ids).executeUpdate());
    }

    static long count(EntityManager em, String sql, long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }

    static long releasedVersions(EntityManager em, long id) {
        return count(em, "select count(*) from released_version where cable_id = :id", id);
    }

    static long releaseAudits(EntityManager em, long id) {
        return count(em, "select count(*) from audit_entry where cable_id = :id and action = 'CABLE_RELEASED'", id);
    }

    static String state(EntityManager em, long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select state from cable where id = :id").setParameter("id", id).getSingleResult());
    }

    static String releaseActor(EntityManager em, long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select actor from audit_entry where cable_id = :id and action = 'CABLE_RELEASED'")
                .setParameter("id", id).getSingleResult());
    }
}
