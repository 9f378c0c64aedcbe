package org.declass.bulk;

import java.util.List;

/**
 * What applying (or undoing) a bulk redaction answers: the operation's id (named in every redaction's note and audit
 * entry) and, per cable, what was redacted (or removed) and what was skipped and why.
 */
public record BulkResult(String operation, boolean undo, int done, int skipped, List<CableOutcome> cables) {

    /**
     * One cable: {@code outcome} is {@code done} (everything asked was changed), {@code partly} (some spans skipped),
     * {@code skipped} (nothing changed: see {@code reason}) or {@code nothing} (no occurrence to act on).
     * {@code reason} for a whole cable: {@code claimed-by-someone-else}, {@code state}, {@code above-clearance},
     * {@code stale}, {@code no-such-cable}, {@code refused}; {@code message} says it in words. {@code version} is the
     * cable's version afterwards (null when the reader may not know it).
     */
    public record CableOutcome(long cable, String reference, String outcome, String reason, String message,
                               Long version, List<Span> done, List<Span> skipped) {
    }

    /**
     * A span redacted (with the redaction's id) or skipped (with the reason: {@code already-redacted},
     * {@code not-an-occurrence}, {@code already-removed}, or the cable's reason).
     */
    public record Span(String paragraph, int start, int end, Long redaction, String reason) {
    }
}
