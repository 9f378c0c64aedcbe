package org.declass.web;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.declass.ingest.BulkImporter;
import org.declass.ingest.IngestRejected;
import org.declass.ingest.ImportSummary;
import org.declass.ingest.generate.GenerateCommand;

/**
 * The jar's entry point. With no arguments it runs the server as before. Subcommands (add one as a case below):
 * <ul>
 * <li>{@code generate --count N --seed S --out DIR [--format txt|csv]}: invented cables; no database, no server;</li>
 * <li>{@code import PATH}: a directory of .txt files, a .zip or a Cablegate .csv into the database that
 * {@code declass.data-dir} (or the PostgreSQL URL) names, with a progress bar; the HTTP listener is off. On H2
 * the file is then compacted ({@code SHUTDOWN COMPACT}; {@code --no-compact} skips it): H2 writes a new copy of
 * every index page it changes, so a bulk import leaves a file several times the size of its data.</li>
 * <li>{@code cds-start}: starts the server once on a throw-away H2 database (a new temporary directory, deleted
 * afterwards; HTTP on a free port) and stops. Run with {@code -XX:ArchiveClassesAtExit=...app-cds.jsa} (the build and
 * the container image do), it records the classes a start loads; {@code -XX:SharedArchiveFile=...app-cds.jsa} then
 * maps them instead of loading them again (docs/operations.md, "Starting the server"). It never opens the
 * configured database.</li>
 * <li>{@code backup} and {@code restore}: see {@link org.declass.backup.BackupCommand} and
 * {@link org.declass.backup.RestoreCommand} (docs/operations.md, "Backup and restore"); no server, plain JDBC.</li>
 * </ul>
 */
@QuarkusMain
public class DeclassMain {

    public static void main(String... args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "generate" -> System.exit(runPlain(() -> GenerateCommand.run(rest, System.out)));
            case "import" -> {
                // a batch job: no HTTP listener, no demo seeding
                System.setProperty("quarkus.http.host-enabled", "false");
                System.setProperty("declass.demo", "false");
                // the management interface (metrics) still starts: on a free port of its own, so that an import
                // beside a running server does not fail on the server's port 9000; an explicit -D wins
                if (System.getProperty("quarkus.management.port") == null) {
                    System.setProperty("quarkus.management.port", "0");
                }
                // an import that finds indexes left dropped by an interrupted one goes on without them and builds
                // them at its end (ingest.DeferredIndexes); a server start builds them at once
                System.setProperty("declass.import.rebuild-deferred-at-start", "false");
                // H2's value cache hashes every string bound or read (a whole cable text, each paragraph) to share
                // equal small values; a bulk import repeats none of them (about 10 % of the writer's CPU). Set
                // before H2's classes load; an explicit -Dh2.objectCache wins.
                if (System.getProperty("h2.objectCache") == null) {
                    System.setProperty("h2.objectCache", "false");
                }
                int[] exit = {0};
                Quarkus.run(ImportApp.class, (code, failure) -> {
                    exit[0] = code;
                    if (failure != null) {
                        Throwable root = failure;
                        while (root.getCause() != null && root.getCause() != root) {
                            root = root.getCause();
                        }
                        System.err.println("import could not run: " + failure.getMessage()
                                + (root == failure ? "" : ": " + root.getMessage()));
                    }
                }, rest);
                // Quarkus has stopped and closed the database: compact an H2 file while nothing holds it
                if (exit[0] == 0 && ImportApp.compact != null) {
                    exit[0] = runPlain(() -> ImportApp.compact.run());
                }
                System.exit(exit[0]);
            }
            case "cds-start" -> System.exit(runPlain(DeclassMain::startOnce));
            case "backup" -> System.exit(runPlain(() -> org.declass.backup.BackupCommand.run(rest, System.out)));
            case "restore" -> System.exit(runPlain(() -> org.declass.backup.RestoreCommand.run(rest, System.out)));
            default -> Quarkus.run(args);
        }
    }

    /** {@code cds-start}: one full start and stop on a new, empty H2 database in a temporary directory. */
    static int startOnce() throws java.io.IOException {
        Path dir = java.nio.file.Files.createTempDirectory("declass-cds-start-");
        try {
            System.setProperty("declass.data-dir", dir.toString());
            System.setProperty("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dir.resolve("declass")
                    + ";DB_CLOSE_ON_EXIT=FALSE");
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.management.port", "0");
            System.setProperty("declass.demo", "false");
            byte[] random = new byte[18];
            new java.security.SecureRandom().nextBytes(random);
            System.setProperty("declass.admin.initial-password",
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            int[] exit = {0};
            Quarkus.run(StartOnce.class, (code, failure) -> exit[0] = code);
            return exit[0];
        } finally {
            try (var paths = java.nio.file.Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * Returns as soon as the start (migrations, start-up observers, HTTP listener) is done: Quarkus then stops.
     * Before that it links the classes the start loaded through Quarkus's class loader (see {@link #linkLoaded}).
     */
    public static class StartOnce implements QuarkusApplication {
        @Override
        public int run(String... args) {
            String log = System.getProperty("declass.cds.class-log");
            if (log != null) {
                int linked = linkLoaded(Path.of(log), Thread.currentThread().getContextClassLoader());
                System.out.printf(java.util.Locale.ROOT, "cds-start: %d classes linked for the archive%n", linked);
            }
            return 0;
        }
    }

    /**
     * Links every class that the JVM's class-loading log ({@code -Xlog:class+load:file=...}) shows loaded from a jar
     * of the application, so that the class archive keeps it. Java 17 archives at exit only the classes of Quarkus's
     * own class loader that were linked, and a start loads about 2,900 classes (interfaces, exception types, classes
     * named in signatures) that it never links: the next start then read, parsed and verified each of them again.
     * {@code getDeclaredMethods} links a class without initializing it. Returns the number linked.
     */
    static int linkLoaded(Path classLog, ClassLoader loader) {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("\\] (\\S+) source: (?:file:|jar:)");
        int linked = 0;
        for (int pass = 0; pass < 2; pass++) {
            List<String> names;
            try (var lines = java.nio.file.Files.lines(classLog)) {
                names = lines.map(line::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1))
                        .distinct().toList();
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                System.out.println("cds-start: class log not read: " + e.getMessage());
                return linked;
            }
            for (String name : names) {
                try {
                    Class.forName(name, false, loader).getDeclaredMethods();
                    linked++;
                } catch (Throwable e) {
                    // a class that cannot be linked (a missing optional dependency) is left out of the archive
                }
            }
        }
        return linked;
    }

    interface Command {
        int run() throws Exception;
    }

    static int runPlain(Command c) {
        try {
            return c.run();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("error: " + e);
            return 1;
        }
    }

    /** Samples the heap in use and the resident set size (Linux) every 200 ms; keeps the maxima. */
    static final class MemorySampler extends Thread {
        volatile long maxHeap;
        volatile long maxRss;

        MemorySampler() {
            super("memory-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            var bean = java.lang.management.ManagementFactory.getMemoryMXBean();
            while (!isInterrupted()) {
                maxHeap = Math.max(maxHeap, bean.getHeapMemoryUsage().getUsed());
                maxRss = Math.max(maxRss, rss());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        static long rss() {
            try {
                for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
            return 0;
        }

        String report() {
            return String.format(java.util.Locale.ROOT, "memory: max heap used %d MB, max RSS %d MB",
                    maxHeap >> 20, maxRss >> 20);
        }
    }

    /** {@code import PATH [--actor NAME]}: runs the fast bulk import, prints the summary, exits 0 or 1. */
    public static class ImportApp implements QuarkusApplication {

        /** Set by a run that stored cables on H2: the compaction to run once Quarkus has closed the file. */
        static volatile Command compact;

        @Override
        public int run(String... args) {
            if (args.length == 0 || args[0].startsWith("-")) {
                System.err.println("usage: import PATH [--actor NAME] [--no-compact]"
                        + "   (PATH: a directory of .txt, a .zip or a .csv)");
                return 2;
            }
            String actor = "system:import";
            boolean compactAfter = true;
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--actor") && i + 1 < args.length) {
                    actor = args[i + 1];
                } else if (args[i].equals("--no-compact")) {
                    compactAfter = false;
                }
            }
            MemorySampler memory = new MemorySampler();
            memory.start();
            try {
                BulkImporter importer = Arc.container().instance(BulkImporter.class).get();
                ImportSummary summary = importer.importPath(Path.of(args[0]), actor, System.out);
                System.out.println(summary.text());
                memory.interrupt();
                System.out.println(memory.report());
                var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
                if (compactAfter && summary.created() > 0
                        && "h2".equals(config.getValue("quarkus.datasource.db-kind", String.class))) {
                    compact = new H2Compaction(config.getValue("quarkus.datasource.jdbc.url", String.class),
                            config.getValue("quarkus.datasource.username", String.class),
                            config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""),
                            Path.of(config.getValue("declass.data-dir", String.class), "declass.mv.db"));
                }
                return 0;
            } catch (IngestRejected e) {
                System.err.println("import refused: " + e.getMessage());
                return 1;
            } catch (RuntimeException e) {
                System.err.println("import failed: " + e);
                return 1;
            }
        }
    }

    /**
     * {@code SHUTDOWN COMPACT} on an H2 file nothing else holds: H2 copies the live pages into a new file (about
     * 8-10 GB to 3.3 GB in 1.5 to 3.5 minutes for 251,287 cables on 2 busy cores, see docs/performance.md).
     */
    record H2Compaction(String url, String user, String password, Path file) implements Command {
        @Override
        public int run() throws Exception {
            long before = java.nio.file.Files.size(file);
            long t = System.nanoTime();
            System.out.printf(java.util.Locale.ROOT, "compacting the H2 file (%,d MB)...%n", before >> 20);
            // COMPRESS=TRUE: the copy's pages are LZF-compressed (cable text shrinks to about a third); H2 reads
            // compressed and plain pages alike, so later writes without it are fine
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url + ";COMPRESS=TRUE", user, password);
                 java.sql.Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            System.out.printf(java.util.Locale.ROOT, "compacted: %,d MB -> %,d MB in %.1f s%n", before >> 20,
                    java.nio.file.Files.size(file) >> 20, (System.nanoTime() - t) / 1e9);
            return 0;
        }
    }
}
