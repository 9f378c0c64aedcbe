package org.declass.ingest;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.declass.ingest.parser.ParseHints;

/**
 * Where a bulk import reads cables from: a directory of .txt files (walked recursively), a zip of .txt files, or
 * a Cablegate-style CSV (id, date, reference, origin, classification, references, header, content; backslash
 * escapes). Items stream one at a time, so memory does not depend on the size of the source.
 */
public interface ImportSource {

    /** One input: its bytes and hints, or the reason it could not be read. */
    record Item(String name, byte[] bytes, ParseHints hints, String problem) {
    }

    interface Sink {
        /** Takes one item; returns false when the import is stopping and reading should end. */
        boolean accept(Item item);
    }

    String describe();

    /** The number of items, exact or estimated; 0 when unknown. */
    long estimate();

    /** Reads every item in order; a source that cannot be read at all throws {@link IngestRejected}. */
    void read(Sink sink);

    /** A reference id that can serve as a hint: the collection's form YYORIGINSERIAL. */
    Pattern REFERENCE = Pattern.compile("\\d{2}[A-Z]{3,30}\\d{1,7}");

    static ParseHints hintsFromName(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.toLowerCase(Locale.ROOT).endsWith(".txt")) {
            base = base.substring(0, base.length() - 4);
        }
        return REFERENCE.matcher(base).matches() ? new ParseHints(base, null) : ParseHints.NONE;
    }

    static ImportSource of(Path path, int maxZipEntries) {
        if (Files.isDirectory(path)) {
            return new DirectorySource(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IngestRejected(400, "no such file or directory: " + path);
        }
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            return new ZipSource(path, maxZipEntries);
        }
        if (lower.endsWith(".csv")) {
            return new CsvSource(path);
        }
        throw new IngestRejected(400, "import reads a directory of .txt files, a .zip or a Cablegate .csv: " + path);
    }

    /** Every .txt file under a directory, in file-name order within each directory. */
    final class DirectorySource implements ImportSource {
        private final Path dir;

        public DirectorySource(Path dir) {
            this.dir = dir;
        }

        @Override
        public String describe() {
            return "directory " + dir;
        }

        @Override
        public long estimate() {
            try (Stream<Path> s = Files.walk(dir)) {
                return s.filter(ImportSource::isTxt).count();
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public void read(Sink sink) {
            try (Stream<Path> s = Files.walk(dir)) {
                var it = s.filter(ImportSource::isTxt).sorted().iterator();
                while (it.hasNext()) {
                    Path p = it.next();
                    String name = dir.relativize(p).toString().replace('\\', '/');
                    Item item;
                    try {
                        if (Files.size(p) > TextInput.MAX_CABLE_BYTES) {
                            item = new Item(name, null, null, "the file is over the limit of "
                                    + TextInput.MAX_CABLE_BYTES + " bytes for one cable");
                        } else {
                            item = new Item(name, Files.readAllBytes(p), hintsFromName(name), null);
                        }
                    } catch (IOException e) {
                        item = new Item(name, null, null, "unreadable file: " + e.getClass().getSimpleName());
                    }
                    if (!sink.accept(item)) {
                        return;
                    }
                }
            } catch (IOException e) {
                throw new IngestRejected(400, "cannot read the directory " + dir + ": " + e.getMessage());
            }
        }
    }

    /** The .txt entries of a zip, with the zip-bomb checks of {@link BulkImport}. */
    final class ZipSource implements ImportSource {
        private final Path zip;
        private final int maxEntries;

        public ZipSource(Path zip, int maxEntries) {
            this.zip = zip;
            this.maxEntries = maxEntries;
        }

        @Override
        public String describe() {
            return "zip " + zip;
        }

        @Override
        public long estimate() {
            try (java.util.zip.ZipFile f = new java.util.zip.ZipFile(zip.toFile())) {
                return f.size();
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public void read(Sink sink) {
            BulkImport.read(zip, maxEntries, e -> sink.accept(e.problem() != null
                    ? new Item(e.name(), null, null, e.problem())
                    : new Item(e.name(), e.bytes(), hintsFromName(e.name()), null)));
        }
    }

    /** A Cablegate cables.csv: the header and content columns together are the cable text. */
    final class CsvSource implements ImportSource {
        private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ROOT);
        private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm:ss", Locale.ROOT);
        private final Path csv;
        private volatile long estimate;

        public CsvSource(Path csv) {
            this.csv = csv;
        }

        @Override
        public String describe() {
            return "csv " + csv;
        }

        /** Bytes per row of the Cablegate CSV (1.6 GB for 251,287 cables), for the estimate before reading. */
        static final long BYTES_PER_ROW = 6_500;

        @Override
        public long estimate() {
            if (estimate > 0) {
                return estimate;
            }
            try {
                return Files.size(csv) / BYTES_PER_ROW;
            } catch (IOException e) {
                return 0;
            }
        }

        /** The estimate is refined while reading, from the bytes read so far. */
        public void onEstimate(LongConsumer c) {
            this.listener = c;
        }

        private LongConsumer listener = n -> { };

        @Override
        public void read(Sink sink) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setEscape('\\').get();
            long size;
            try {
                size = Files.size(csv);
            } catch (IOException e) {
                throw new IngestRejected(400, "cannot read " + csv);
            }
            long[] position = {0};
            try (InputStream raw = Files.newInputStream(csv);
                 InputStream counting = new FilterInputStream(raw) {
                     @Override
                     public int read() throws IOException {
                         int b = super.read();
                         if (b >= 0) {
                             position[0]++;
                         }
                         return b;
                     }

                     @Override
                     public int read(byte[] b, int off, int len) throws IOException {
                         int n = super.read(b, off, len);
                         if (n > 0) {
                             position[0] += n;
                         }
                         return n;
                     }
                 };
                 BufferedReader reader = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8),
                         1 << 16);
                 CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                long rows = 0;
                for (CSVRecord r : parser) {
                    rows++;
                    if (rows == 200 || rows % 5_000 == 0) {
                        estimate = Math.max(rows, (long) (size / Math.max(1.0, position[0] / (double) rows)));
                        listener.accept(estimate);
                    }
                    String name = "row " + r.getRecordNumber() + (r.size() > 2 ? " " + r.get(2) : "");
                    Item item;
                    if (r.size() < 8) {
                        item = new Item(name, null, null, "a Cablegate CSV row has 8 columns; this one has "
                                + r.size());
                    } else {
                        String text = stripLineBackslashes(r.get(6)) + stripLineBackslashes(r.get(7));
                        String reference = r.get(2).trim();
                        item = new Item(name, text.getBytes(StandardCharsets.UTF_8), new ParseHints(
                                reference.isEmpty() ? null : reference, date(r.get(1))), null);
                    }
                    if (!sink.accept(item)) {
                        return;
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new IngestRejected(400, "the CSV could not be read: " + e.getMessage());
            }
        }

        /** Cablegate ends lines inside a field with a backslash before the newline. */
        static String stripLineBackslashes(String s) {
            return s.indexOf('\\') < 0 ? s : s.replace("\\\n", "\n");
        }

        static LocalDate date(String s) {
            String t = s == null ? "" : s.trim();
            try {
                return LocalDateTime.parse(t, US).toLocalDate();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(t, ISO).toLocalDate();
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
    }

    private static boolean isTxt(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && n.toLowerCase(Locale.ROOT).endsWith(".txt") && !n.startsWith(".");
    }
}
