package org.declass.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the .txt entries of a zip, defending against zip bombs: the entry count, each entry's declared and
 * actual expanded size, and the expansion ratio are capped before anything is stored. Pure Java.
 */
public final class BulkImport {

    public static final int MAX_ENTRIES = 20_000;
    /** Above this ratio of expanded to compressed size, a large entry is treated as a zip bomb. */
    public static final int MAX_RATIO = 100;

    private BulkImport() {
    }

    /** One .txt entry read from a zip, or the reason it could not be read. */
    public record Entry(String name, byte[] bytes, String problem) {
    }

    /**
     * Checks the whole zip first (so that a bomb is refused before anything is stored), then hands each entry
     * to the consumer in order. Entries that are not .txt files are reported as skipped. {@code maxEntries}: the
     * upload limit ({@link #MAX_ENTRIES}), or a larger one for the command-line import of a whole archive.
     */
    public static void read(Path zip, int maxEntries, Consumer<Entry> consumer) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            check(file, maxEntries);
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".txt") || baseName(name).startsWith(".")) {
                    consumer.accept(new Entry(name, null, "skipped: only .txt files are imported"));
                    continue;
                }
                try (InputStream in = file.getInputStream(e)) {
                    byte[] bytes = readCapped(in, TextInput.MAX_CABLE_BYTES);
                    consumer.accept(bytes == null
                            ? new Entry(name, null, "expands beyond the " + TextInput.MAX_CABLE_BYTES
                                    + "-byte limit for one cable (zip bomb?)")
                            : new Entry(name, bytes, null));
                } catch (IOException | RuntimeException ex) {
                    if (ex instanceof IngestRejected r) {
                        throw r;
                    }
                    consumer.accept(new Entry(name, null, "unreadable entry: " + ex.getClass().getSimpleName()));
                }
            }
        } catch (ZipException e) {
            throw new IngestRejected(400, "the upload is not a readable zip file");
        } catch (IOException e) {
            throw new IngestRejected(400, "the zip file could not be read: " + e.getClass().getSimpleName());
        }
    }

    private static void check(ZipFile file, int maxEntries) {
        if (file.size() > maxEntries) {
            throw new IngestRejected(413, "the zip holds " + file.size() + " entries, over the limit of "
                    + maxEntries + " per upload");
        }
        if (file.size() == 0) {
            throw new IngestRejected(400, "the zip file is empty");
        }
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            long size = e.getSize();
            long compressed = e.getCompressedSize();
            String lower = e.getName().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".zip") || lower.endsWith(".gz") || lower.endsWith(".7z")) {
                throw new IngestRejected(422, "the zip contains a nested archive (" + e.getName()
                        + "); nested archives are not opened");
            }
            if (size > TextInput.MAX_CABLE_BYTES * 10L
                    || (size > TextInput.MAX_CABLE_BYTES && compressed > 0 && size / compressed > MAX_RATIO)) {
                throw new IngestRejected(413, "zip bomb refused: entry " + e.getName() + " expands to " + size
                        + " bytes from " + compressed);
            }
        }
    }

    /** Reads at most max bytes; returns null when the stream holds more. */
    static byte[] readCapped(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 64 * 1024));
        byte[] buf = new byte[16 * 1024];
        int total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static String baseName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
