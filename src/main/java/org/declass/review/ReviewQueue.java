package org.declass.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** One work queue page: its rows, the counts of every queue, and the filters in force. */
public record ReviewQueue(String queue, List<Row> rows, Counts counts, Filters filters) {

    public static final List<String> QUEUES = List.of("mine", "unassigned", "awaiting", "returned", "hold");

    public record Row(long id, String reference, String banner, String levelInitial, String subject,
                      String state, String assignee, LocalDate date, LocalDate declassDate, int paragraphs,
                      boolean tookPart, String declassKind, LocalDate releaseOn, String releaseBasis) {
    }

    public record Counts(long mine, long unassigned, long awaiting, long returned, long hold) {
        public long of(String queue) {
            return switch (queue) {
                case "mine" -> mine;
                case "unassigned" -> unassigned;
                case "awaiting" -> awaiting;
                case "returned" -> returned;
                default -> hold;
            };
        }
    }

    /** @param sort "declass" (the effective release date, soonest first, the default) or "declass-desc" */
    public record Filters(String level, String origin, String q, String sort) {
        public String query(String queue) {
            StringBuilder sb = new StringBuilder("?queue=").append(queue);
            append(sb, "level", level);
            append(sb, "origin", origin);
            append(sb, "q", q);
            append(sb, "sort", sort);
            return sb.toString();
        }

        public boolean descending() {
            return "declass-desc".equals(sort);
        }

        private static void append(StringBuilder sb, String name, String value) {
            if (value != null && !value.isBlank()) {
                sb.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    static String normalise(String queue) {
        String q = queue == null ? "" : queue.trim().toLowerCase(Locale.ROOT);
        return QUEUES.contains(q) ? q : null;
    }
}
