package org.declass.marking;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.declass.ingest.MarkingInput;
import org.declass.ingest.parser.CableParser;
import org.declass.ingest.parser.ParseHints;
import org.declass.ingest.parser.ParseResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Parse plus validation of 10 KB-ish corpus cables on one thread, per cable. Not run by default (the class name
 * ends in Benchmark): {@code ./mvnw -q test -Dtest=ValidatorBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The target is p95 of 1 ms or less per 10 KB cable (issue 8); the fastest published portion-mark linter reports
 * 16 ms at p95 per 10 KB.
 */
class ValidatorBenchmark {

    @Test
    void parsesAndValidatesTenKilobyteCablesOnOneThread() throws IOException {
        Path dir = CorpusMarkingReportTest.corpusDir();
        if (!Files.isDirectory(dir)) {
            System.out.println("VALIDATOR BENCHMARK skipped: no corpus at " + dir.toAbsolutePath());
            Assumptions.assumeTrue(false, "corpus folder absent");
        }
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String t = Files.readString(p, StandardCharsets.UTF_8);
                int size = t.getBytes(StandardCharsets.UTF_8).length;
                if (size >= 8_000 && size <= 12_000) {
                    texts.add(t);
                }
            }
        }
        long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        CableParser parser = new CableParser();
        MarkingValidator validator = new MarkingValidator();
        LocalDate today = LocalDate.of(2026, 1, 1);
        long sink = 0;
        long warmEnd = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (String t : texts) {
                sink += once(parser, validator, t, today);
            }
        }
        // wall time, and this thread's CPU time: on a shared machine the wall-time tail mostly measures waiting for
        // a core, the CPU time measures the work done on one core
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] wall = new long[texts.size() * 5000];
        long[] cpu = new long[wall.length];
        int samples = 0;
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end && samples + texts.size() <= wall.length) {
            for (String t : texts) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                sink += once(parser, validator, t, today);
                wall[samples] = System.nanoTime() - t0;
                cpu[samples++] = mx.getCurrentThreadCpuTime() - c0;
            }
        }
        long[] w = Arrays.copyOf(wall, samples);
        long[] c = Arrays.copyOf(cpu, samples);
        Arrays.sort(w);
        Arrays.sort(c);
        System.out.printf(Locale.ROOT,
                "VALIDATOR BENCHMARK: parse+validate, %d cables of 8-12 KB (mean %.1f KB), %d runs on one thread:"
                        + " CPU p50 %.3f ms, p95 %.3f ms, p99 %.3f ms; wall p50 %.3f ms, p95 %.3f ms, p99 %.3f ms"
                        + " (sink %d)%n",
                texts.size(), bytes / (double) texts.size() / 1000.0, samples, c[samples / 2] / 1e6,
                c[(int) (samples * 0.95)] / 1e6, c[(int) (samples * 0.99)] / 1e6, w[samples / 2] / 1e6,
                w[(int) (samples * 0.95)] / 1e6, w[(int) (samples * 0.99)] / 1e6, sink % 10);
    }

    private static long once(CableParser parser, MarkingValidator validator, String text, LocalDate today) {
        ParseResult r = parser.parse(text, ParseHints.NONE);
        if (!(r instanceof ParseResult.Parsed p)) {
            return 1;
        }
        return validator.validate(MarkingInput.of(p.cable(), today)).size();
    }
}
