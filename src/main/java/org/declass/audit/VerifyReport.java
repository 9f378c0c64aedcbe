package org.declass.audit;

/**
 * The result of verifying the trail.
 *
 * @param ok          true when every entry and every checkpoint checks out
 * @param checked     entries read
 * @param millis      time taken
 * @param firstBroken the first broken sequence number, or null when ok
 * @param problem     altered, missing, reordered, forged or truncated; null when ok
 * @param detail      one sentence for a human
 * @param checkpoints checkpoints whose signature and head were checked
 */
public record VerifyReport(boolean ok, long checked, long millis, Long firstBroken, String problem, String detail,
                           int checkpoints) {

    public static final String ALTERED = "altered";
    public static final String MISSING = "missing";
    public static final String REORDERED = "reordered";
    public static final String FORGED = "forged";
    public static final String TRUNCATED = "truncated";
}
