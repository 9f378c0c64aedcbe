package org.declass.ingest;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line console progress bar: count, rate and time left, redrawn with a carriage return at most every
 * 250 ms. Thread-safe. On a console that is not a terminal it prints a plain line every ten seconds instead.
 */
public final class Progress {

    private final String label;
    private final PrintStream out;
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private volatile long total;
    private volatile long lastDraw;

    public Progress(String label, long total, PrintStream out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    public void total(long total) {
        this.total = total;
    }

    public long total() {
        return total;
    }

    public long done() {
        return done.get();
    }

    public void step(long n) {
        done.addAndGet(n);
        long now = System.nanoTime();
        long interval = terminal ? 250_000_000L : 10_000_000_000L;
        if (now - lastDraw >= interval) {
            synchronized (this) {
                if (now - lastDraw >= interval) {
                    lastDraw = now;
                    draw(false);
                }
            }
        }
    }

    /** Prints one line of its own (a phase of the work), below the bar. */
    public synchronized void note(String line) {
        if (out != null) {
            out.println(line);
            out.flush();
        }
    }

    public synchronized void finish() {
        draw(true);
    }

    public String line() {
        long d = done.get();
        long t = total;
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = d / seconds;
        int width = 30;
        int filled = t > 0 ? (int) Math.min(width, width * d / t) : 0;
        String eta = t > 0 && rate > 0 && d < t ? duration((t - d) / rate) : "-";
        return String.format(Locale.ROOT, "%s [%s%s] %,d/%s %.0f/s elapsed %s left %s", label,
                "=".repeat(filled), " ".repeat(width - filled), d, t > 0 ? String.format(Locale.ROOT, "%,d", t) : "?",
                rate, duration(seconds), eta);
    }

    private void draw(boolean last) {
        if (out == null) {
            return;
        }
        if (terminal) {
            out.print("\r" + line() + (last ? "\n" : ""));
        } else {
            out.println(line());
        }
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
