package org.declass.audit;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The numbers of issue 3, section 4. Not part of the normal test run (the name ends in Benchmark):
 * {@code ./mvnw -q test -Dtest=AuditBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Prints its figures.
 */
@QuarkusTest
class AuditBenchmark {

    static final int ENTRIES = Integer.getInteger("audit.bench.entries", 1_000_000);

    @Inject
    AuditTrail trail;

    @Inject
    EntityManager em;

    /** Verification speed and export memory over a million entries in an H2 file database. */
    @Test
    void verificationAndExportOfAMillionEntries() throws Exception {
        Path dir = Files.createTempDirectory("audit-bench");
        try (AuditTestDatabase db = new AuditTestDatabase("jdbc:h2:file:" + dir.resolve("bench")
                + ";CACHE_SIZE=16384")) {
            long t0 = System.nanoTime();
            db.append(ENTRIES);
            db.checkpoint();
            System.out.printf("BENCH generated %,d chained entries in %.1f s%n", ENTRIES, secs(t0));

            for (int run = 1; run <= 3; run++) {
                long t = System.nanoTime();
                VerifyReport r = db.verifyInParallel();
                double s = secs(t);
                System.out.printf("BENCH verify run %d (%d readers): ok=%s checked=%,d in %.2f s = %,.0f entries/s%n",
                        run, TrailReader.defaultThreads(), r.ok(), r.checked(), s, r.checked() / s);
                t = System.nanoTime();
                r = db.verifyOnOneConnection();
                s = secs(t);
                System.out.printf("BENCH verify run %d on one connection: ok=%s checked=%,d in %.2f s = %,.0f"
                        + " entries/s%n", run, r.ok(), r.checked(), s, r.checked() / s);
            }

            java.util.List<AuditRecord> inMemory = new java.util.ArrayList<>();
            AuditRows.ascending(db.connection, AuditQuery.ALL).forEachRemaining(r -> {
                if (inMemory.size() < 200_000) {
                    inMemory.add(r);
                }
            });
            for (int run = 1; run <= 3; run++) {
                long t = System.nanoTime();
                VerifyReport r = new ChainVerifier(AuditTestDatabase.SIGNER).verify(inMemory.iterator(),
                        java.util.List.of());
                double s = secs(t);
                System.out.printf("BENCH verifier alone (rows already read) run %d: ok=%s %,d in %.2f s = %,.0f"
                        + " entries/s%n", run, r.ok(), r.checked(), s, r.checked() / s);
            }
            inMemory.clear();

            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            AuditQuery tenth = new AuditQuery(null, null, null, null, null, base.plusMillis(ENTRIES / 10 + 1));
            for (AuditService.Format format : AuditService.Format.values()) {
                export(db, AuditQuery.ALL, format, "all");
                export(db, tenth, format, "first tenth");
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void export(AuditTestDatabase db, AuditQuery q, AuditService.Format format, String label) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(200);
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        java.util.List<java.lang.management.MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
                .stream().filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP
                        && pool.getCollectionUsage() != null).toList();
        AtomicLong liveAfterGc = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                long live = 0;
                for (var pool : pools) {
                    live += pool.getCollectionUsage().getUsed();
                }
                liveAfterGc.accumulateAndGet(live, Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t = System.nanoTime();
        // through a CONFIDENTIAL auditor's lens, as the server exports: a third of the entries (redactions on (S)
        // paragraphs of SECRET cables) go out withheld; classifications come from a stand-in for the cable bean
        AtomicLong lookups = new AtomicLong();
        AttachedClassifications cables = ids -> {
            lookups.incrementAndGet();
            java.util.Map<Long, AttachedClassifications.CableClassifications> out = new java.util.HashMap<>();
            for (Long id : ids) {
                java.util.Map<Integer, org.declass.security.Classification> paragraphs = new java.util.HashMap<>();
                for (int p = 0; p < 9; p++) {
                    paragraphs.put(p, org.declass.security.Classification.of(p % 2 == 0
                            ? org.declass.marking.ClassificationLevel.SECRET
                            : org.declass.marking.ClassificationLevel.CONFIDENTIAL, false));
                }
                out.put(id, new AttachedClassifications.CableClassifications(org.declass.security.Classification.of(
                        org.declass.marking.ClassificationLevel.SECRET, false), paragraphs));
            }
            return out;
        };
        EntryLens lens = new EntryLens(new org.declass.security.Disclosure(), cables, new org.declass.security.Reader(
                "auditor2", java.util.Set.of("AUDITOR"), org.declass.marking.ClassificationLevel.CONFIDENTIAL, false,
                false), EntryLens.CACHE);
        long n = AuditExport.write(db.connection, q, format, new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        }, lens);
        double s = secs(t);
        sampler.interrupt();
        sampler.join();
        System.gc();
        Thread.sleep(200);
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("BENCH export %s (%s): %,d entries, %,d MB written in %.1f s; heap before %,d MB,"
                        + " peak used %,d MB (garbage included), largest heap after a GC %,d MB, after %,d MB;"
                + " %,d classification look-ups%n", format,
                label, n, bytes.get() >> 20, s, before >> 20, peak.get() >> 20, liveAfterGc.get() >> 20, after >> 20,
                lookups.get());
    }

    /** What writing an entry adds to an action: a small transaction with and without record(). */
    @Test
    void theTimeAnEntryAddsToAnAction() {
        int warmup = 2_000;
        int runs = 5_000;
        long[] without = new long[runs];
        long[] with = new long[runs];
        long[] recordOnly = new long[runs];
        long[] lockOnly = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            int k = i;
            long t = System.nanoTime();
            QuarkusTransaction.requiringNew().run(this::action);
            long plain = System.nanoTime() - t;
            long[] inside = new long[1];
            t = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> {
                action();
                long r = System.nanoTime();
                em.createNativeQuery("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE").getSingleResult();
                lockOnly[Math.max(0, k - warmup)] = System.nanoTime() - r;
                r = System.nanoTime();
                trail.record(AuditEvent.bySystem("bench", AuditAction.STATE_CHANGED).cable(1L, "09BENCH" + k)
                        .paragraph(3).span(10, 42).codes(java.util.List.of("1.4(d)")).note("benchmark entry " + k));
                em.flush();
                inside[0] = System.nanoTime() - r;
            });
            long audited = System.nanoTime() - t;
            if (i >= warmup) {
                without[i - warmup] = plain;
                with[i - warmup] = audited;
                recordOnly[i - warmup] = inside[0];
            }
        }
        long[] extra = new long[runs];
        for (int i = 0; i < runs; i++) {
            extra[i] = with[i] - without[i];
        }
        System.out.printf("BENCH action without entry: p50 %.3f ms, p95 %.3f ms%n", p(without, 50), p(without, 95));
        System.out.printf("BENCH action with entry:    p50 %.3f ms, p95 %.3f ms%n", p(with, 50), p(with, 95));
        System.out.printf("BENCH extra per action (paired difference): p50 %.3f ms, p95 %.3f ms%n", p(extra, 50),
                p(extra, 95));
        System.out.printf("BENCH record()+flush inside the transaction: p50 %.3f ms, p95 %.3f ms%n",
                p(recordOnly, 50), p(recordOnly, 95));
        StringBuilder slow = new StringBuilder();
        for (int i = 0; i < runs && slow.length() < 400; i++) {
            if (extra[i] > 2_000_000) {
                slow.append(i).append(':').append(extra[i] / 100_000 / 10.0).append(' ');
            }
        }
        System.out.println("BENCH slow runs (index:ms) " + slow);
        System.out.printf("BENCH of which the head lock alone: p50 %.3f ms, p95 %.3f ms%n", p(lockOnly, 50),
                p(lockOnly, 95));
        VerifyReport r = trail.verify();
        System.out.printf("BENCH trail after the run verifies: ok=%s checked=%,d%n", r.ok(), r.checked());
    }

    /** A stand-in action: one read and one row written, as a small state change would take. */
    private void action() {
        em.createNativeQuery("SELECT COUNT(*) FROM app_user").getSingleResult();
        em.createNativeQuery("UPDATE app_user SET created_at = created_at WHERE username = 'admin'").executeUpdate();
    }

    private static double p(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
