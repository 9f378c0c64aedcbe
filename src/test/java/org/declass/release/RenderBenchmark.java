package org.declass.release;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.marking.ClassificationLevel;
import org.declass.redaction.Audience;
import org.declass.redaction.CableDocument;
import org.declass.security.Reader;
import org.declass.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Server-side render of a redacted view of a 10 KB cable, per format (issue 6: 2 ms at p95). Not a test: it prints
 * p50/p95/p99 and asserts nothing; the name ends in Benchmark so the normal test run skips it. Run with
 * {@code ./mvnw test -Dtest=RenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class RenderBenchmark {

    @Inject
    CableRendering rendering;

    @Inject
    DocumentViews views;

    @Inject
    ReleaseService releases;

    @Test
    void printsRenderTimesOfA10KbRedactedCable() {
        String text = tenKilobyteCable();
        ReleaseFlow flow = ReleaseFlow.ingestAndClaim(text, "reviewer");
        for (int n = 2; n <= 20; n += 3) {
            flow.redact(n, "source" + n, "25X1");
        }
        flow.withhold(5, "25X6").withhold(11, "25X6").submitAndApprove("approver");
        Reader approver = new Reader("approver", java.util.Set.of(Roles.APPROVER), ClassificationLevel.TOP_SECRET,
                true, false);
        CableDocument doc = rendering.render(flow.id(), Audience.PUBLIC, approver, "benchmark");
        System.out.printf("RENDER BENCHMARK: cable of %,d bytes, %d paragraphs, %d redactions in the index;"
                        + " %d cores, load %s%n", text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                doc.body().size(), doc.redactionIndex().size(), Runtime.getRuntime().availableProcessors(), load());
        measure("html (Qute tag, standalone page)", 3000, () -> views.html(doc));
        measure("text (PlainTextRenderer)", 3000, () -> views.text(doc));
        measure("json (Jackson)", 3000, () -> views.json(doc));
        measure("pdf (openhtmltopdf + PDFBox, cleaned, full write)", 150, () -> views.pdf(doc));
        measure("document build from the stored cable (DB read + access policy + audit entry), no format", 500,
                () -> rendering.render(flow.id(), Audience.PUBLIC, approver, "benchmark"));
        ReleasedVersion v = flow.release(releases);
        measure("released document from its frozen JSON (reading room, uncached)", 3000, () -> rendering.document(v));
    }

    private static void measure(String name, int runs, Supplier<Object> work) {
        int warmup = Math.max(50, runs / 3);
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        long[] nanos = new long[runs];
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            Object out = work.get();
            nanos[i] = System.nanoTime() - t;
            bytes = out instanceof String s ? s.length() : out instanceof byte[] b ? b.length : bytes;
        }
        Arrays.sort(nanos);
        System.out.printf("RENDER BENCHMARK %-95s n=%5d p50 %7.3f ms  p95 %7.3f ms  p99 %7.3f ms  (%,d bytes/chars)%n",
                name, runs, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), bytes);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** An invented SECRET cable of about 10 KB: 20 paragraphs of about 480 characters, marked (U), (C) and (S). */
    static String tenKilobyteCable() {
        List<String> paras = new ArrayList<>();
        String[] marks = {"(U)", "(C)", "(S)"};
        for (int n = 1; n <= 20; n++) {
            paras.add(n + ". " + marks[n % 3] + " The invented ministry of ports told poloff on Tuesday that source" + n
                    + " had described the tender for the northern terminal as settled in advance. The\n"
                    + "official said that three consortia had bid, that the evaluation committee met twice in\n"
                    + "closed session, and that the minister's office asked for the minutes to be sealed until\n"
                    + "after the regional elections. Embassy contacts in the chamber of commerce confirmed the\n"
                    + "account and added that two of the bidders share a board member.");
        }
        return """
                VZCZCXRO9001
                PP RUEHWEB
                DE RUEHKV #9001 1201044
                ZNY SSSSS ZZH
                P 291044Z APR 09
                FM AMEMBASSY KYIV
                TO RUEHC/SECSTATE WASHDC PRIORITY 7702

                S E C R E T KYIV 009001

                SIPDIS

                E.O. 12958: DECL: 04/29/2019
                TAGS: PGOV PREL ECON UP
                SUBJECT: UKRAINE: INVENTED PORT TENDER QUESTIONED

                Classified By: Ambassador Ann B. Smith, reasons 1.4 (b) and (d)

                """ + String.join("\n\n", paras) + "\n\nSMITH\n";
    }
}
