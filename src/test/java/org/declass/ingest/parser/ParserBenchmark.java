package org.declass.ingest.parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Single-thread throughput of the parser over the real corpus. Not run by default (the class name ends in
 * Benchmark); run it with {@code ./mvnw -q test -Dtest=ParserBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ParserBenchmark {

    @Test
    void parsesTheWholeCorpusRepeatedlyOnOneThread() throws IOException {
        Path dir = CorpusConformanceTest.corpusDir();
        if (!Files.isDirectory(dir)) {
            System.out.println("PARSER THROUGHPUT skipped: corpus folder " + dir.toAbsolutePath() + " does not exist");
            Assumptions.assumeTrue(false, "corpus folder absent");
        }
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        long bytes = 0;
        for (String t : texts) {
            bytes += t.getBytes(StandardCharsets.UTF_8).length;
        }
        CableParser parser = new CableParser();
        long sink = 0;
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (String t : texts) {
                sink += sink(parser.parse(t, ParseHints.NONE));
            }
        }
        long[] perCable = new long[texts.size() * 2000];
        int samples = 0;
        long totalBytes = 0;
        long start = System.nanoTime();
        long end = start + 10_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < texts.size(); i++) {
                long t0 = System.nanoTime();
                sink += sink(parser.parse(texts.get(i), ParseHints.NONE));
                long dt = System.nanoTime() - t0;
                if (samples < perCable.length) {
                    perCable[samples++] = dt;
                }
            }
            totalBytes += bytes;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(perCable, samples);
        Arrays.sort(sorted);
        double mbs = totalBytes / secs / 1_000_000.0;
        System.out.printf(java.util.Locale.ROOT,
                "PARSER THROUGHPUT: %.1f MB/s over %d cables (%d bytes), p50/p95 per-cable µs %.0f/%.0f (%d parses, sink %d)%n",
                mbs, texts.size(), bytes, sorted[samples / 2] / 1000.0, sorted[(int) (samples * 0.95)] / 1000.0, samples,
                sink % 10);
    }

    private static long sink(ParseResult r) {
        return r instanceof ParseResult.Parsed p ? p.cable().segments().size() : 1;
    }
}
