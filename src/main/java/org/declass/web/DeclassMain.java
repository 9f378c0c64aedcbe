package org.declass.web;

import java.nio.file.Path;
import java.util.Arrays;

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
 * {@code declass.data-dir} (or the PostgreSQL URL) names, with a progress bar; the HTTP listener is off.</li>
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
                Quarkus.run(ImportApp.class, rest);
            }
            default -> Quarkus.run(args);
        }
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
        @Override
        public int run(String... args) {
            if (args.length == 0 || args[0].startsWith("-")) {
                System.err.println("usage: import PATH [--actor NAME]   (PATH: a directory of .txt, a .zip or a .csv)");
                return 2;
            }
            String actor = "system:import";
            for (int i = 1; i + 1 < args.length; i++) {
                if (args[i].equals("--actor")) {
                    actor = args[i + 1];
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
}
