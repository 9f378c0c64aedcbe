package org.declass.ingest;

import java.util.List;

/** What a bulk import did with each file, and the totals. */
public record BulkReport(int files, int created, int duplicates, int failed, List<Item> items) {

    /**
     * @param status CREATED, DUPLICATE, FAILED or SKIPPED
     * @param httpStatus the status a single upload of this file would have had
     */
    public record Item(String file, String status, Long cableId, String reference, int httpStatus, String message) {
    }

    public static BulkReport of(List<Item> items) {
        int created = 0;
        int duplicates = 0;
        int failed = 0;
        for (Item i : items) {
            switch (i.status()) {
                case "CREATED" -> created++;
                case "DUPLICATE" -> duplicates++;
                case "FAILED" -> failed++;
                default -> { }
            }
        }
        return new BulkReport(items.size(), created, duplicates, failed, List.copyOf(items));
    }
}
