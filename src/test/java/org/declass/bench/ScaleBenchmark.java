package org.declass.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.declass.cable.Cable;
import org.declass.cable.CableFinding;
import org.declass.cable.CableTerms;
import org.declass.cable.SearchIndex;
import org.declass.cable.Paragraph;
import org.declass.ingest.BulkImporter;
import org.declass.ingest.IngestService;
import org.declass.ingest.generate.CableGenerator;
import org.declass.ingest.generate.GenerateCommand;
import org.declass.ingest.parser.CableParser;
import org.declass.ingest.parser.ParseHints;
import org.declass.ingest.parser.ParseResult;
import org.declass.marking.Finding;

/**
 * The scale benchmark (issue 4). Not a test: it measures and prints, it asserts nothing. In one run it
 * <ol>
 * <li>generates N cables (default 251,287) into a temporary directory;</li>
 * <li>imports them with the packaged jar's {@code import} command into a fresh database, sampling the import's
 * RSS and heap, and reads its cables/s;</li>
 * <li>inserts the same rows again with raw JDBC batches (no parsing, no audit) into scratch copies of the tables
 * of the same database, and prints the ratio;</li>
 * <li>measures the database size, starts the packaged server on that database and times startup to
 * /q/health/ready, then p50/p95 of 200 requests each for a filtered list, a cable's detail and a text search.</li>
 * </ol>
 * It is not part of the shipped application: it lives in the test sources, and runs on the packaged application's
 * classes and libraries with {@code target/test-classes} last on the class path. Run it from the project directory
 * after {@code ./mvnw package -DskipTests} (see docs/performance.md): {@code bench/scale.sh [--count N] [--seed S]
 * [--work DIR] [--pg-url jdbc:postgresql://localhost:5432/declass_bench]}; {@code --help} lists every option.
 */
public final class ScaleBenchmark {

    private static final String PASSWORD = "bench-admin-password-1";
    private static final int PORT = 18_473;

    static final String USAGE = """
            usage: bench/scale.sh [options]     (after ./mvnw package -DskipTests)
              --count N        cables to generate and import (default 251,287)
              --seed S         generator seed (default 1)
              --work DIR       corpus and database directory (default: a new temporary directory)
              --pg-url URL     measure on this PostgreSQL database (its public schema is dropped) instead of H2
              --jar JAR        the packaged jar to import with and start (default target/quarkus-app/quarkus-run.jar)
              --requests N     requests per scenario (default 200)
              --budget SECONDS time per scenario (default 60)
              --xmx SIZE       heap of the import and the server (default 512m)
              --reuse-import   measure the database an earlier run of the same size left under --work
              --skip-raw       do not time the raw JDBC insert (the import / raw ratio is then not printed)
              --sweeps N       empty release sweeps to time (POST /api/release/sweep, nothing due; default 50)""";

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = 251_287;
        long seed = 1;
        Path work = null;
        String pgUrl = null;
        String jar = "target/quarkus-app/quarkus-run.jar";
        int requests = 200;
        Duration budget = Duration.ofSeconds(60);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--pg-url" -> pgUrl = args[++i];
                case "--jar" -> jar = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--budget" -> budget = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--xmx" -> xmx = args[++i];
                case "--reuse-import" -> reuseImport = true;
                case "--skip-raw" -> skipRaw = true;
                case "--sweeps" -> sweeps = Integer.parseInt(args[++i]);
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean pg = pgUrl != null;
        if (work == null) {
            work = Files.createTempDirectory("declass-bench-");
        }
        Path corpus = work.resolve("corpus");
        Path dataDir = work.resolve("data");
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "Declass scale benchmark: %,d cables, seed %d, %s, %d cores, load %s",
                count, seed, pg ? "PostgreSQL " + pgUrl : "embedded H2", Runtime.getRuntime().availableProcessors(),
                loadAverage()));

        // 1. generate
        if (!Files.isDirectory(corpus) || countFiles(corpus) != count) {
            deleteTree(corpus);
            long t = System.nanoTime();
            GenerateCommand.write(corpus, count, seed, "txt", null);
            report.add(String.format(Locale.ROOT, "generate: %,d cables in %.1f s, %,d MB on disk", count,
                    secondsSince(t), sizeOf(corpus) >> 20));
        }

        // 2. import into a fresh database with the packaged jar (--reuse-import: the database a previous run of the
        // same size left under --work, when a later step failed; the import figures are then not measured)
        double importRate = Double.NaN;
        long created = count;
        if (reuseImport && Files.isDirectory(dataDir)) {
            report.add("import: not run (--reuse-import: the database of an earlier run reused)");
        } else {
            deleteTree(dataDir);
            Files.createDirectories(dataDir);
            if (pg) {
                resetPostgres(pgUrl);
            }
            List<String> cmd = new ArrayList<>(List.of("java"));
            cmd.addAll(jvmArgs(dataDir, pg, pgUrl));
            cmd.addAll(List.of("-jar", jar, "import", corpus.toString()));
            long t0 = System.nanoTime();
            Process importer = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            long[] maxRss = {0};
            Thread sampler = rssSampler(importer, maxRss);
            String importOut = drain(importer);
            int exit = importer.waitFor();
            sampler.interrupt();
            double importWall = secondsSince(t0);
            if (exit != 0) {
                System.out.println(importOut);
                throw new IllegalStateException("import failed with exit code " + exit);
            }
            Matcher m = Pattern.compile("([\\d,]+) created.*? in ([\\d.]+) s \\(([\\d,]+) cables/s\\)").matcher(importOut);
            if (m.find()) {
                created = Long.parseLong(m.group(1).replace(",", ""));
                importRate = Double.parseDouble(m.group(3).replace(",", ""));
            }
            Matcher mem = Pattern.compile("max heap used (\\d+) MB, max RSS (\\d+) MB").matcher(importOut);
            String heap = mem.find() ? mem.group(1) + " MB heap used (max), " + mem.group(2) + " MB RSS (max, in-process)"
                    : "?";
            report.add(String.format(Locale.ROOT, "import: %,d cables created, %,.0f cables/s (pipeline), %.1f s wall"
                    + " including JVM start", created, importRate, importWall));
            report.add(String.format(Locale.ROOT, "import memory: %s; RSS sampled from outside: %d MB", heap,
                    maxRss[0] >> 20));
            Matcher compacted = Pattern.compile("compacted: ([\\d,]+) MB -> ([\\d,]+) MB in ([\\d.]+) s").matcher(importOut);
            if (compacted.find()) {
                report.add(String.format(Locale.ROOT, "H2 compaction at the end of the import: %s MB -> %s MB in %s s"
                        + " (included in the wall time above)", compacted.group(1), compacted.group(2), compacted.group(3)));
            }
            String summaryLines = importOut.lines().filter(l -> l.startsWith("import of") || l.startsWith("memory")
                            || l.startsWith("compact") || l.contains("indexes dropped") || l.startsWith("built ")
                            || l.startsWith("counted the words"))
                    .reduce("", (a, b) -> a + "  | " + b + "\n");
            System.out.print(summaryLines);
        }

        // 3. database size, then raw JDBC batch insert of the same rows: on H2 into a second, empty database
        // file with the same tables, keys and indexes (so that the measured database is not touched); on
        // PostgreSQL into scratch copies of the tables, dropped afterwards
        String url = pg ? pgUrl : "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/declass" + H2_OPTIONS;
        long dbSize = databaseSize(url, pg, dataDir);
        report.add(String.format(Locale.ROOT, "database size on disk: %,d MB (%s)", dbSize >> 20,
                pg ? "pg_database_size" : "H2 files after the import, compacted by it"));
        if (skipRaw) {
            report.add("raw JDBC batch insert: not run (--skip-raw)");
        } else {
            double rawRate;
            if (pg) {
                rawRate = rawInsert(url, url, "bench_", count, seed);
            } else {
                Path rawDir = work.resolve("raw");
                deleteTree(rawDir);
                rawRate = rawInsert(url, "jdbc:h2:file:" + rawDir.toAbsolutePath() + "/declass" + H2_OPTIONS, "",
                        count, seed);
                deleteTree(rawDir);
            }
            report.add(String.format(Locale.ROOT, "raw JDBC batch insert of the same rows: %,.0f cables/s;"
                    + " import / raw = %.2f", rawRate, importRate / rawRate));
        }

        // the kernel is still writing back the raw insert's gigabytes (and freeing the deleted copy's pages): a
        // start timed now waits for that I/O and CPU, which a real start does not meet. Flush, then pause.
        long flush = System.nanoTime();
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        double synced = secondsSince(flush);
        Thread.sleep(10_000);
        report.add(String.format(Locale.ROOT, "before the start: sync %.1f s, then a 10 s pause; load %s", synced,
                loadAverage()));

        // 4. startup and latencies (ids read before the server opens, and locks, an H2 file)
        List<Long> ids = ids(url);
        List<String> server = new ArrayList<>(List.of("java"));
        server.addAll(serverArgs(jar));
        server.addAll(jvmArgs(dataDir, pg, pgUrl));
        server.add("-Dquarkus.http.port=" + PORT);
        server.addAll(List.of("-jar", jar));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long s0 = System.nanoTime();
        Process app = new ProcessBuilder(server).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile()).start();
        try {
            double startup = waitReady(http, s0);
            String log = Files.readString(work.resolve("server.log"));
            Matcher started = Pattern.compile("started in ([\\d.]+)s").matcher(log);
            String archive = serverArgs(jar).isEmpty() ? "no class archive"
                    : log.contains("Unable to use shared archive") ? "class archive refused by the JVM"
                    : "with the class archive";
            report.add(String.format(Locale.ROOT, "startup with %,d cables: %.2f s to /q/health/ready (JVM start"
                    + " included; Quarkus says \"started in %ss\"; %s)", created, startup,
                    started.find() ? started.group(1) : "?", archive));
            String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            CableGenerator words = new CableGenerator(seed);
            SplittableRandom r = new SplittableRandom(seed);
            String[] origins = {"ANKARA", "BAGHDAD", "TOKYO", "PARIS", "MOSCOW", "STATE", "MADRID", "CAIRO"};
            String[] levels = {"CONFIDENTIAL", "SECRET", "UNCLASSIFIED"};
            String[] states = {"NEW", "IN_REVIEW", "APPROVED"};
            String[] rules = {"R-LVL-1", "R-CAT-1", "R-EO-1", "R-DECL-1"};
            String[] tags = {"PGOV", "PTER", "ECON", "MARR", "KNNP"};
            Latency lat = new Latency(http, auth, requests, budget);
            report.add(lat.run("list, no filter, newest first, page 0-4", i -> "/api/cables?page=" + r.nextInt(5)));
            report.add(lat.run("list, level, newest first", i ->
                    "/api/cables?level=" + levels[r.nextInt(levels.length)]));
            report.add(lat.run("list, level + origin, page 0-4", i ->
                    "/api/cables?level=" + levels[r.nextInt(levels.length)] + "&origin="
                            + origins[r.nextInt(origins.length)] + "&page=" + r.nextInt(5)));
            report.add(lat.run("list, state + hasErrors, oldest first", i ->
                    "/api/cables?state=" + states[r.nextInt(states.length)] + "&hasErrors=true&sort=oldest"));
            report.add(lat.run("list, rule (finding code)", i ->
                    "/api/cables?rule=" + rules[r.nextInt(rules.length)]));
            report.add(lat.run("list, page 40 of 50 (deep offset)", i ->
                    "/api/cables?level=" + levels[r.nextInt(levels.length)] + "&page=" + (30 + r.nextInt(20))));
            report.add(lat.run("detail (GET /api/cables/{id})", i -> "/api/cables/" + ids.get(r.nextInt(ids.size()))));
            report.add(lat.run("text search, a common subject word", i -> "/api/cables?q=" + words.word(r.nextInt(50))));
            report.add(lat.run("text search, a subject word (400 most common)", i ->
                    "/api/cables?q=" + words.word(r.nextInt(400))));
            report.add(lat.run("text search, two words", i ->
                    "/api/cables?q=" + words.word(r.nextInt(400)) + "+" + words.word(r.nextInt(400))));
            report.add(lat.run("text search, a tag (10-20% of cables)", i ->
                    "/api/cables?q=" + tags[r.nextInt(tags.length)]));
            report.add(lat.run("text search, a tag + level + origin", i ->
                    "/api/cables?q=" + tags[r.nextInt(tags.length)] + "&level=" + levels[r.nextInt(levels.length)]
                            + "&origin=" + origins[r.nextInt(origins.length)]));
            // full-text search over the body (issue 18), with snippets: each answer carries hits [{paragraph, snippet}]
            report.add(lat.run("body text, a single word, with snippets", i ->
                    "/api/cables?q=" + words.word(r.nextInt(400))));
            report.add(lat.run("body text, two words, with snippets", i ->
                    "/api/cables?q=" + words.word(r.nextInt(400)) + "+" + words.word(r.nextInt(400))));
            report.add(lat.run("body text, a phrase (a person's name), with snippets", i -> "/api/cables?q="
                    + java.net.URLEncoder.encode("\"" + words.person(r.nextInt(200)).replaceFirst("^\\S+\\s+", "")
                    + "\"", java.nio.charset.StandardCharsets.UTF_8)));
            report.add(lat.run("body text, a prefix OR a word, by relevance", i -> "/api/cables?q="
                    + words.word(r.nextInt(400)).substring(0, 3) + "*+OR+" + words.word(r.nextInt(400))
                    + "&sort=relevance"));
            report.add(lat.sweeps("release sweep, nothing due (POST /api/release/sweep)", sweeps));
        } finally {
            app.destroy();
            app.waitFor();
        }
        System.out.println();
        System.out.println("==== figures ====");
        report.forEach(System.out::println);
        System.out.println("=================");
    }

    interface PathFor {
        String path(int i);
    }

    /**
     * p50/p95 of at most {@code n} requests (after 20 warm-up requests) per scenario, each with a timeout, the
     * scenario stopping when its time budget is spent, so that one slow scenario never stops the run.
     */
    record Latency(HttpClient http, String auth, int n, Duration budget) {
        static final Duration TIMEOUT = Duration.ofSeconds(10);

        String run(String label, PathFor paths) {
            long deadline = System.nanoTime() + budget.toNanos();
            for (int i = 0; i < 20 && System.nanoTime() < deadline; i++) {
                call(paths.path(i));
            }
            long[] us = new long[n];
            int done = 0;
            int failed = 0;
            String firstFailure = null;
            for (int i = 0; i < n && System.nanoTime() < deadline; i++) {
                String p = paths.path(i);
                long t = System.nanoTime();
                String outcome = call(p);
                us[done++] = (System.nanoTime() - t) / 1_000;
                if (outcome != null) {
                    failed++;
                    firstFailure = firstFailure == null ? p + " " + outcome : firstFailure;
                }
            }
            if (done == 0) {
                return String.format(Locale.ROOT, "%-48s no request completed within %d s", label,
                        budget.toSeconds());
            }
            long[] sorted = Arrays.copyOf(us, done);
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%-48s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (n=%d%s%s; load %s)",
                    label, sorted[done / 2] / 1000.0, sorted[(int) Math.ceil(done * 0.95) - 1] / 1000.0,
                    sorted[done - 1] / 1000.0, done, done < n ? ", stopped by the " + budget.toSeconds() + " s budget" : "",
                    failed > 0 ? ", " + failed + " failed, first: " + firstFailure : "", loadAverage());
        }

        /**
         * The release sweep with nothing due: one untimed sweep first (it releases whatever the corpus has due, if
         * anything, and says how much), then {@code count} sweeps timed from outside (HTTP) and by the sweep's own
         * {@code durationMs}.
         */
        String sweeps(String label, int count) {
            String first = post("/api/release/sweep");
            Matcher released = Pattern.compile("\"released\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(first);
            int firstReleased = !released.find() ? -1
                    : released.group(1).isBlank() ? 0 : released.group(1).split(",").length;
            long deadline = System.nanoTime() + budget.toNanos();
            long[] us = new long[count];
            long[] own = new long[count];
            int done = 0;
            Pattern ms = Pattern.compile("\"durationMs\"\\s*:\\s*(\\d+)");
            for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
                long t = System.nanoTime();
                String body = post("/api/release/sweep");
                us[done] = (System.nanoTime() - t) / 1_000;
                Matcher m = ms.matcher(body);
                own[done++] = m.find() ? Long.parseLong(m.group(1)) * 1_000 : -1;
            }
            if (done == 0) {
                return String.format(Locale.ROOT, "%-48s no sweep completed within %d s (first: %s)", label,
                        budget.toSeconds(), first.length() > 200 ? first.substring(0, 200) : first);
            }
            long[] a = Arrays.copyOf(us, done);
            long[] b = Arrays.copyOf(own, done);
            Arrays.sort(a);
            Arrays.sort(b);
            int p95 = (int) Math.ceil(done * 0.95) - 1;
            return String.format(Locale.ROOT, "%-48s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (n=%d; the sweep's own"
                    + " durationMs p50 %.0f / p95 %.0f ms; the first sweep released %s; load %s)", label,
                    a[done / 2] / 1000.0, a[p95] / 1000.0, a[done - 1] / 1000.0, done, b[done / 2] / 1000.0,
                    b[p95] / 1000.0, firstReleased < 0
                            ? "? (" + (first.length() > 120 ? first.substring(0, 120) : first) + ")"
                            : String.valueOf(firstReleased), loadAverage());
        }

        private String post(String path) {
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                        .timeout(Duration.ofSeconds(120)).header("Authorization", auth)
                        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
                HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                return res.statusCode() == 200 ? res.body() : "answered " + res.statusCode();
            } catch (IOException e) {
                return e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }

        /** Null when the answer is 200, else what went wrong (a status or a timeout; timed as it took). */
        private String call(String path) {
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                        .timeout(TIMEOUT).header("Authorization", auth).header("Accept", "application/json")
                        .GET().build();
                int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                return status == 200 ? null : "answered " + status;
            } catch (java.net.http.HttpTimeoutException e) {
                return "timed out after " + TIMEOUT.toSeconds() + " s";
            } catch (IOException e) {
                return e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }

    /**
     * How long the start may take: at 251,287 cables the first start rebuilds the full-text index (about 11 s per
     * 20,000 cables here), so the wait is 10 minutes, not the 2 it was before the index.
     */
    static final int READY_WAIT_SECONDS = 600;

    private static double waitReady(HttpClient http, long startNanos) throws Exception {
        while (secondsSince(startNanos) < READY_WAIT_SECONDS) {
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build();
                if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return secondsSince(startNanos);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server was not ready within 120 s");
    }

    /** The heap limit of the import and server processes, as an operator would set it (docs/performance.md). */
    static String xmx = "512m";
    static boolean reuseImport;
    static boolean skipRaw;
    static int sweeps = 50;

    private static List<String> jvmArgs(Path dataDir, boolean pg, String pgUrl) {
        List<String> a = new ArrayList<>();
        if (!xmx.isBlank()) {
            a.add("-Xmx" + xmx);
        }
        a.add("-Ddeclass.data-dir=" + dataDir.toAbsolutePath());
        a.add("-Ddeclass.admin.initial-password=" + PASSWORD);
        a.add("-Ddeclass.audit.checkpoint-key=bench-only-checkpoint-key-0123456789");
        a.add("-Dquarkus.http.auth.session.encryption-key=bench-only-session-key-0123456789abcdef0123");
        // the benchmark signs in as the first admin with HTTP Basic; production asks a second factor of admins, who
        // then cannot use Basic (issue 15), so no role of the benchmark's server asks one
        a.add("-Ddeclass.session.second-factor-roles=NONE");
        // the related cables' catch-up job fingerprints every imported cable in the background after a bulk import;
        // the latency table measures the server at rest, so it runs only when DECLASS_BENCH_RELATED=on
        a.add("-Ddeclass.related.catch-up=" + ("on".equals(System.getenv("DECLASS_BENCH_RELATED")) ? "10s" : "off"));
        if (pg) {
            a.add("-Dquarkus.profile=prod,pg");
            a.add("-Dquarkus.datasource.jdbc.url=" + pgUrl);
        }
        return a;
    }

    /**
     * The server is started as docs/operations.md says: with the class archive that `package` writes beside the jar
     * (target/quarkus-app/app-cds.jsa), when there is one (the PostgreSQL build has none).
     */
    static List<String> serverArgs(String jar) {
        Path archive = Path.of(jar).toAbsolutePath().resolveSibling("app-cds.jsa");
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /** The H2 URL options of application.properties, so that the raw insert writes the same way as the import. */
    static final String H2_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;DEFAULT_LOCK_TIMEOUT=10000";

    /** The tables the import writes for a cable (the audit entry aside). */
    static final List<String> CABLE_TABLES = List.of("cable", "cable_text", "paragraph", "cable_finding", "cable_term",
            "cable_term_frequency");

    /**
     * The same rows as the import (cable, text, paragraphs, findings, terms and their counts), parsed untimed, inserted timed, into
     * {@code prefix}-named tables of {@code targetUrl}: "" on a separate H2 database given the source's table
     * definitions, "bench_" for scratch copies in the source database.
     */
    static double rawInsert(String sourceUrl, String targetUrl, String prefix, int count, long seed)
            throws SQLException {
        if (prefix.isEmpty()) {
            List<String> ddl = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(sourceUrl, "declass", "declass");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE "
                         + String.join(", ", CABLE_TABLES))) {
                while (rs.next()) {
                    String sql = rs.getString(1);
                    if (!sql.startsWith("--") && !sql.startsWith("CREATE USER")) {
                        ddl.add(sql);
                    }
                }
            }
            try (Connection c = DriverManager.getConnection(targetUrl, "declass", "declass");
                 Statement s = c.createStatement()) {
                for (String sql : ddl) {
                    s.execute(sql);
                }
            }
            return timedInsert(targetUrl, "", count, seed, false);
        }
        return timedInsert(targetUrl, prefix, count, seed, true);
    }

    /** The id goes after the import's columns, whose number follows the import's statements (V8 added five). */
    static final int CABLE_ID_PARAM = parameters(BulkImporter.INSERT_CABLE) + 1;
    static final int PARAGRAPH_ID_PARAM = parameters(BulkImporter.INSERT_PARAGRAPH) + 1;
    static final int FINDING_ID_PARAM = parameters(BulkImporter.INSERT_FINDING) + 1;

    private static int parameters(String sql) {
        return (int) sql.chars().filter(ch -> ch == '?').count();
    }

    private static double timedInsert(String url, String prefix, int count, long seed, boolean scratch)
            throws SQLException {
        String[][] tables = CABLE_TABLES.stream().map(t -> new String[] {t, prefix + t}).toArray(String[][]::new);
        try (Connection c = DriverManager.getConnection(url, "declass", "declass")) {
            if (scratch) {
                // PostgreSQL: the same columns, keys, indexes and identity as the real tables (not the foreign keys)
                try (Statement s = c.createStatement()) {
                    for (String[] t : tables) {
                        s.execute("DROP TABLE IF EXISTS " + t[1]);
                        s.execute("CREATE TABLE " + t[1] + " (LIKE " + t[0] + " INCLUDING ALL)");
                    }
                }
            }
            c.setAutoCommit(false);
            CableParser parser = new CableParser();
            CableGenerator gen = new CableGenerator(seed);
            long timed = 0;
            long cableId = 0;
            long paragraphId = 0;
            long findingId = 0;
            int batch = 250;
            // the id goes last: the import's binders fill the other columns from index 1
            String insertCable = BulkImporter.INSERT_CABLE.replace("INSERT INTO cable (", "INSERT INTO " + prefix + "cable (")
                    .replace(") VALUES (", ", id) VALUES (?, ");
            List<Object[]> rows = new ArrayList<>(batch);
            Instant now = Instant.now();
            for (int i = 0; i < count; i++) {
                CableGenerator.Generated g = gen.next();
                byte[] bytes = g.text().getBytes(StandardCharsets.UTF_8);
                ParseResult r = parser.parse(g.text(), new ParseHints(g.reference(), null));
                if (!(r instanceof ParseResult.Parsed p)) {
                    continue;
                }
                Cable cable = IngestService.cableOf(p.cable(), IngestService.sha256(bytes), bytes.length, "bench", now);
                rows.add(new Object[] {cable, g.text()});
                if (rows.size() == batch || i == count - 1) {
                    long t = System.nanoTime();
                    try (PreparedStatement cs = c.prepareStatement(insertCable);
                         PreparedStatement ts = c.prepareStatement(
                                 "INSERT INTO " + prefix + "cable_text (cable_id, original, header_json) VALUES (?, ?, ?)");
                         PreparedStatement ps = c.prepareStatement(BulkImporter.INSERT_PARAGRAPH
                                 .replace("INSERT INTO paragraph (", "INSERT INTO " + prefix + "paragraph (")
                                 .replace(") VALUES (", ", id) VALUES (?, "));
                         PreparedStatement fs = c.prepareStatement(BulkImporter.INSERT_FINDING
                                 .replace("INSERT INTO cable_finding (", "INSERT INTO " + prefix + "cable_finding (")
                                 .replace(") VALUES (", ", id) VALUES (?, "));
                         PreparedStatement ws = c.prepareStatement(SearchIndex.INSERT
                                 .replace("INSERT INTO cable_term (", "INSERT INTO " + prefix + "cable_term ("))) {
                        List<List<CableTerms.Term>> termLists = new ArrayList<>(rows.size());
                        for (Object[] row : rows) {
                            Cable cb = (Cable) row[0];
                            long id = ++cableId;
                            BulkImporter.bindCable(cs, cb);
                            cs.setLong(CABLE_ID_PARAM, id);
                            cs.addBatch();
                            ts.setLong(1, id);
                            ts.setString(2, (String) row[1]);
                            ts.setString(3, "{}");
                            ts.addBatch();
                            for (Paragraph pp : cb.getParagraphs()) {
                                BulkImporter.bindParagraph(ps, id, pp);
                                ps.setLong(PARAGRAPH_ID_PARAM, ++paragraphId);
                                ps.addBatch();
                            }
                            for (CableFinding cf : cb.getFindings()) {
                                Finding f = cf.toFinding();
                                fs.setLong(1, id);
                                fs.setString(2, f.code());
                                fs.setString(3, f.severity().name());
                                fs.setString(4, f.message().length() <= 1000 ? f.message() : f.message().substring(0, 1000));
                                fs.setObject(5, f.line(), Types.INTEGER);
                                fs.setObject(6, f.paragraph(), Types.INTEGER);
                                fs.setString(7, f.suggestion() == null ? null : f.suggestion().action());
                                fs.setString(8, f.suggestion() == null ? null : f.suggestion().label()
                                        .substring(0, Math.min(300, f.suggestion().label().length())));
                                fs.setString(9, f.suggestion() == null ? null : f.suggestion().mark());
                                fs.setLong(FINDING_ID_PARAM, ++findingId);
                                fs.addBatch();
                            }
                            List<CableTerms.Term> terms = CableTerms.of(cb);
                            termLists.add(terms);
                            SearchIndex.addBatch(ws, id, cb.getDate(), terms);
                        }
                        cs.executeBatch();
                        ts.executeBatch();
                        ps.executeBatch();
                        fs.executeBatch();
                        ws.executeBatch();
                        // the words' counts, as the import keeps them (SearchIndex.addFrequencies)
                        SearchIndex.addFrequencies(c, prefix + "cable_term_frequency", termLists);
                        c.commit();
                    }
                    timed += System.nanoTime() - t;
                    rows.clear();
                }
            }
            c.setAutoCommit(true);
            if (scratch) {
                try (Statement s = c.createStatement()) {
                    for (String[] t : tables) {
                        s.execute("DROP TABLE " + t[1]);
                    }
                }
            }
            return cableId / (timed / 1e9);
        }
    }

    private static List<Long> ids(String url) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url + (url.startsWith("jdbc:h2") ? ";ACCESS_MODE_DATA=r" : ""),
                "declass", "declass");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM cable WHERE MOD(id, 97) = 0")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            // H2 is locked by the running server: fall back to the id range
            for (long i = 1; i <= 1000; i++) {
                ids.add(i * 97);
            }
        }
        return ids;
    }

    private static long databaseSize(String url, boolean pg, Path dataDir) throws Exception {
        if (pg) {
            try (Connection c = DriverManager.getConnection(url, "declass", "declass");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                return rs.getLong(1);
            }
        }
        return sizeOf(dataDir);
    }

    private static void resetPostgres(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "declass", "declass");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    private static Thread rssSampler(Process p, long[] max) {
        Thread t = new Thread(() -> {
            Path status = Path.of("/proc/" + p.pid() + "/status");
            while (p.isAlive() && !Thread.currentThread().isInterrupted()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmRSS:")) {
                            max[0] = Math.max(max[0], Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                        }
                    }
                    Thread.sleep(200);
                } catch (IOException | RuntimeException e) {
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String drain(Process p) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                sb.append(line).append('\n');
                if (line.startsWith("import [")) {
                    System.out.println(line);
                }
            }
        }
        return sb.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
