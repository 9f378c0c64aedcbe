package org.declass.release;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The release calendar's chart, laid out on the server as SVG coordinates (no script, no library: the page's
 * Content-Security-Policy allows neither inline code nor another origin). Per month (per year when the range is longer
 * than {@link #MAX_MONTHS} months) two bars side by side, never on top of each other: the cables due (not yet
 * released) and, of them, the approved ones. A y axis with round ticks, the count written above every bar that is not
 * zero, and x labels far enough apart not to collide (month under every group, year under the first and January).
 */
public record ReleaseChart(int width, int height, int plotLeft, int plotRight, int plotTop, int baseline,
                           List<Tick> ticks, List<Group> groups, String period) {

    static final int MAX_MONTHS = 36;
    static final int LEFT = 44;
    static final int RIGHT = 12;
    static final int TOP = 18;
    static final int PLOT_HEIGHT = 160;
    static final int BAR = 16;
    static final int INNER = 2;
    static final int GAP = 14;
    static final int GROUP = 2 * BAR + INNER + GAP;

    /** A y-axis tick: its value and height. */
    public record Tick(long value, int y) {
    }

    /** One bar: its box and where its count is written ({@code tx}, {@code ty}). */
    public record BarBox(long count, int x, int y, int height) {
        public int tx() {
            return x + BAR / 2;
        }

        public int ty() {
            return y - 4;
        }

        public int width() {
            return BAR;
        }
    }

    /**
     * One month (or year): its name for people and the table, the x labels (either may be empty) and its two bars.
     */
    public record Group(String name, String label, String subLabel, int labelX, BarBox due, BarBox approved) {
    }

    /** Lays the chart out for the calendar's months (each "yyyy-MM" with its due and approved counts). */
    static ReleaseChart of(List<ReleaseCalendar.Month> months) {
        boolean byYear = months.size() > MAX_MONTHS;
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (ReleaseCalendar.Month m : months) {
            String key = byYear ? m.month().substring(0, 4) : m.month();
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0] += m.count();
            c[1] += m.approved();
        }
        long max = counts.values().stream().mapToLong(c -> c[0]).max().orElse(0);
        long step = step(max);
        long top = Math.max(step, (max + step - 1) / step * step);
        int baseline = TOP + PLOT_HEIGHT;
        List<Tick> ticks = new ArrayList<>();
        for (long v = 0; v <= top; v += step) {
            ticks.add(new Tick(v, baseline - scale(v, top)));
        }
        List<Group> groups = new ArrayList<>();
        int x = LEFT + GAP / 2;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long due = e.getValue()[0];
            long approved = e.getValue()[1];
            String name;
            String label;
            String sub = "";
            if (byYear) {
                name = e.getKey();
                label = e.getKey();
            } else {
                YearMonth ym = YearMonth.parse(e.getKey());
                String month = ym.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                name = month + " " + ym.getYear();
                label = month;
                if (groups.isEmpty() || ym.getMonthValue() == 1) {
                    sub = String.valueOf(ym.getYear());
                }
            }
            int dh = scale(due, top);
            int ah = scale(approved, top);
            groups.add(new Group(name, label, sub, x + BAR + INNER / 2,
                    new BarBox(due, x, baseline - dh, dh), new BarBox(approved, x + BAR + INNER, baseline - ah, ah)));
            x += GROUP;
        }
        int width = Math.max(240, x - GAP / 2 + RIGHT);
        return new ReleaseChart(width, baseline + 36, LEFT, width - RIGHT, TOP, baseline, ticks, groups,
                byYear ? "year" : "month");
    }

    private static int scale(long value, long top) {
        return (int) Math.round((double) value * PLOT_HEIGHT / top);
    }

    /** A round tick step (1, 2 or 5 times a power of ten) giving at most five steps up to {@code max}. */
    static long step(long max) {
        if (max <= 5) {
            return 1;
        }
        long power = 1;
        while (true) {
            for (long f : new long[] {1, 2, 5}) {
                long s = f * power;
                if (max <= 5 * s) {
                    return s;
                }
            }
            power *= 10;
        }
    }
}
