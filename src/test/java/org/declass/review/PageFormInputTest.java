package org.declass.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.audit;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.version;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * The review page's forms take the paragraph address as typed or as the page filled it in: a trailing space is
 * trimmed, like the API does, and the change is stored and answered with a redirect (it used to be stored and then
 * answered with a 500, the redirect failing on the space). A form the service refuses stores nothing: no redaction,
 * no audit entry.
 */
@QuarkusTest
class PageFormInputTest {

    @Inject
    EntityManager em;

    static long claimed(String serial) {
        long id = ingest(CableFixtures.secretCableForReview(serial, "PLAIN-FORM-" + serial, "MK-FORM-" + serial));
        act("reviewer", id, "claim").then().statusCode(200);
        return id;
    }

    static RequestSpecification formOf(long id, Object... fields) {
        RequestSpecification r = given().auth().preemptive().basic("reviewer", "demo").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("version", version(id));
        for (int i = 0; i < fields.length; i += 2) {
            r.formParam((String) fields[i], fields[i + 1]);
        }
        return r;
    }

    static Response form(long id, String path, Object... fields) {
        return formOf(id, fields).post("/review/" + id + path);
    }

    /** The disposition form of a portion, its address in the path as typed (RestAssured encodes a space as %20). */
    static Response releasePortion(long id, String address) {
        return formOf(id, "disposition", "RELEASE").post("/review/{id}/paragraphs/{address}/disposition", id, address);
    }

    /** The cable's audit entries that record a change (reads of the cable and of the trail are entries too). */
    static List<Map<String, Object>> changes(long id) {
        return audit(id).stream().filter(e -> !READS.contains(String.valueOf(e.get("action")))).toList();
    }

    static final Set<String> READS = Set.of("PORTIONS_READ", "ORIGINAL_READ", "AUDIT_QUERIED", "AUDIT_EXPORTED");

    long redactions(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from redaction where cable_id = ?1").setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void aTrailingSpaceInTheRedactionFormsParagraphIsTrimmedAndTheRedactionStored() {
        long id = claimed("8101");
        int entries = changes(id).size();
        form(id, "/redactions", "paragraph", "2 ", "start", 0, "end", 5, "codes", "25X1", "note", "trailing space")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/review/" + id + "#para-2"));
        assertThat(redactions(id)).isEqualTo(1);
        assertThat(changes(id)).hasSize(entries + 1);
        assertThat(changes(id).get(entries).get("action")).isEqualTo("REDACTION_ADDED");
    }

    @Test
    void aTrailingSpaceInAPortionAddressOfTheDispositionFormIsTrimmedToo() {
        long id = claimed("8102");
        releasePortion(id, "1 ").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("#para-1"));
        releasePortion(id, "subject ").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("#para-subject"));
        assertThat(changes(id).stream().filter(e -> "DISPOSITION_CHANGED".equals(e.get("action")))).hasSize(2);
    }

    @Test
    void aRedactionFormTheServiceRefusesStoresNothing() {
        long id = claimed("8103");
        int entries = changes(id).size();
        form(id, "/redactions", "paragraph", "2 x", "start", 0, "end", 5, "codes", "25X1").then().statusCode(404);
        form(id, "/redactions", "paragraph", "2 ", "start", 0, "end", 99_999, "codes", "25X1").then().statusCode(400);
        form(id, "/redactions", "paragraph", "2 ", "start", 0, "end", 5, "codes", "99X9").then().statusCode(400);
        form(id, "/redactions", "paragraph", " ", "start", 0, "end", 5, "codes", "25X1").then().statusCode(400);
        assertThat(form(id, "/redactions", "paragraph", "2", "start", "zero", "end", 5, "codes", "25X1").statusCode())
                .isBetween(400, 499);
        assertThat(redactions(id)).isZero();
        assertThat(changes(id)).hasSize(entries);
    }
}
