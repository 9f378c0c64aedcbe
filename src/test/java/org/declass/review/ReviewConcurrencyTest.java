package org.declass.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.as;
import static org.declass.review.ReviewApi.audit;
import static org.declass.review.ReviewApi.body;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.version;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/** Many people write to one cable with the same version at once: one wins, every other gets 409, nothing is lost. */
@QuarkusTest
class ReviewConcurrencyTest {

    static final int WRITERS = 16;

    /** Fires the writes together (behind a latch) and returns their status codes. */
    static List<Integer> fireTogether(IntFunction<Integer> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int n = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return write.apply(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : futures) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Audit entries that record a change (reads of the cable and of the trail are audited too: left out). */
    static long writes(long id) {
        return audit(id).stream().filter(e -> !List.of("PORTIONS_READ", "AUDIT_QUERIED").contains(e.get("action")))
                .count();
    }

    @Test
    void conflictingRedactionsWithTheSameVersionLeaveExactlyOneAndEveryLoserGets409() throws Exception {
        long id = ingest(CableFixtures.secretCableForReview("5201", "MK-RACE-U", "MK-RACE-S"));
        act("reviewer", id, "claim").then().statusCode(200);
        long v = version(id);
        long before = writes(id);

        List<Integer> codes = fireTogether(n -> as("reviewer")
                .body(body(v, "paragraph", "2", "start", n, "end", n + 3, "codes", List.of("25X1"),
                        "note", "writer " + n))
                .post("/api/cables/" + id + "/redactions").statusCode());

        assertThat(codes.stream().filter(c -> c == 201).count()).as(codes.toString()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c == 409).count()).as(codes.toString()).isEqualTo(WRITERS - 1);
        JsonPath c = cable("reviewer", id);
        assertThat(c.getList("redactions")).hasSize(1);
        assertThat(c.getLong("version")).isEqualTo(v + 1);
        assertThat(audit(id).stream().filter(e -> "REDACTION_ADDED".equals(e.get("action"))).count()).isEqualTo(1);
        assertThat(writes(id) - before).isEqualTo(1);
    }

    @Test
    void manyReviewersClaimingOneCableLeaveOneClaimant() throws Exception {
        long id = ingest(CableFixtures.confidentialCable("5202", "MK-RACE-CLAIM"));
        long v = version(id);
        String[] users = {"reviewer", "admin"};

        List<Integer> codes = fireTogether(n -> as(users[n % 2]).body(body(v))
                .post("/api/cables/" + id + "/claim").statusCode());

        assertThat(codes.stream().filter(c -> c == 200).count()).as(codes.toString()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c == 409).count()).isEqualTo(WRITERS - 1);
        JsonPath c = cable("admin", id);
        assertThat(c.getString("state")).isEqualTo("IN_REVIEW");
        assertThat(c.getString("assignee")).isIn("reviewer", "admin");
        assertThat(c.getLong("version")).isEqualTo(v + 1);
        assertThat(audit(id).stream().filter(e -> "STATE_CHANGED".equals(e.get("action"))).count()).isEqualTo(1);
    }

    @Test
    void markingAndRedactingInParallelLoseNoUpdate() throws Exception {
        long id = ingest(CableFixtures.secretCableForReview("5203", "MK-RACE-U2", "MK-RACE-S2"));
        act("reviewer", id, "claim").then().statusCode(200);
        // each writer reads the version fresh and retries on 409 until it succeeds: every update lands once
        List<Integer> codes = fireTogether(n -> {
            for (int attempt = 0; attempt < 200; attempt++) {
                long v = version(id);
                int status = as("reviewer").body(body(v, "paragraph", "2", "start", n, "end", n + 1,
                        "codes", List.of("25X1"))).post("/api/cables/" + id + "/redactions").statusCode();
                if (status != 409) {
                    return status;
                }
            }
            return -1;
        });
        assertThat(codes).containsOnly(201);
        assertThat(cable("reviewer", id).getList("redactions")).hasSize(WRITERS);
    }
}
