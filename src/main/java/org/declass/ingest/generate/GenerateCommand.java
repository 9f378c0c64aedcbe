package org.declass.ingest.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.declass.ingest.Progress;

/**
 * {@code generate --count N --seed S --out DIR [--format txt|csv]}: writes N invented cables. As txt, one file a
 * cable, DIR/NNNN/REFERENCE.txt with 1,000 files a directory; as csv, DIR/cables.csv in the Cablegate layout
 * (id, date, reference, origin, classification, references, header, content; backslash escapes). Pure Java: needs
 * no database and does not start the server.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        long count = CorpusProfile.CABLEGATE_COUNT;
        long seed = 1;
        Path dir = null;
        String format = "txt";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--count" -> { count = Long.parseLong(require(a, v)); i++; }
                case "--seed" -> { seed = Long.parseLong(require(a, v)); i++; }
                case "--out" -> { dir = Path.of(require(a, v)); i++; }
                case "--format" -> { format = require(a, v).toLowerCase(Locale.ROOT); i++; }
                case "-h", "--help" -> {
                    out.println("usage: generate --count N (default 251287) --seed S (default 1) --out DIR"
                            + " [--format txt|csv]");
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (!format.equals("txt") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format must be txt or csv");
        }
        long start = System.nanoTime();
        Progress progress = new Progress("generate", count, out);
        try {
            write(dir, count, seed, format, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.finish();
        out.printf(Locale.ROOT, "generated %d cables (seed %d, %s) in %s in %.1f s%n", count, seed, format, dir,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    public static void write(Path dir, long count, long seed, String format, Progress progress) throws IOException {
        Files.createDirectories(dir);
        CableGenerator generator = new CableGenerator(seed);
        if (format.equals("csv")) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("cables.csv"), StandardCharsets.UTF_8)) {
                for (long i = 0; i < count; i++) {
                    CableGenerator.Generated g = generator.next();
                    csvRow(w, i + 1, g);
                    if (progress != null) {
                        progress.step(1);
                    }
                }
            }
            return;
        }
        Path bucket = null;
        for (long i = 0; i < count; i++) {
            if (i % 1000 == 0) {
                bucket = dir.resolve(String.format(Locale.ROOT, "%04d", i / 1000));
                Files.createDirectories(bucket);
            }
            CableGenerator.Generated g = generator.next();
            Files.writeString(bucket.resolve(g.reference() + ".txt"), g.text(), StandardCharsets.UTF_8);
            if (progress != null) {
                progress.step(1);
            }
        }
    }

    /** One Cablegate-style row: every field quoted, quote and backslash escaped with a backslash. */
    static void csvRow(Writer w, long id, CableGenerator.Generated g) throws IOException {
        String date = String.format(Locale.ROOT, "%02d/%02d/%04d %02d:%02d", g.date().getMonthValue(),
                g.date().getDayOfMonth(), g.date().getYear(), 12, 0);
        String text = g.text();
        field(w, Long.toString(id), true);
        field(w, date, false);
        field(w, g.reference(), false);
        field(w, g.csvOrigin(), false);
        field(w, g.kind().metadata, false);
        field(w, g.references(), false);
        field(w, text.substring(0, g.headerEnd()), false);
        field(w, text.substring(g.headerEnd()), false);
        w.write('\n');
    }

    private static void field(Writer w, String s, boolean first) throws IOException {
        if (!first) {
            w.write(',');
        }
        w.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                w.write('\\');
            }
            w.write(c);
        }
        w.write('"');
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
