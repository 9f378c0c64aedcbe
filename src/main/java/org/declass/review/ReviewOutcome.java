package org.declass.review;

import java.util.List;

import org.declass.cable.Cable;

/** What a review action answers: where the cable is now, and the version to send next. */
public record ReviewOutcome(long id, String reference, String state, long version, String assignee,
                            List<String> allowedActions, String banner, Long redactionId) {

    /**
     * What a change of several spans of one cable answers ({@link ReviewService#redactSpans},
     * {@link ReviewService#unredactAll}): the cable after it, the spans changed and those skipped with a reason.
     * When nothing was changed, the cable's version did not move.
     */
    public record Spans(ReviewOutcome cable, List<Done> done, List<Skipped> skipped) {
    }

    /** A span redacted (or a redaction removed), with the redaction's id. */
    public record Done(String paragraph, int start, int end, long redaction) {
    }

    /**
     * A span left alone: {@code already-redacted} (an existing redaction overlaps it), {@code no-such-portion},
     * {@code out-of-range}, or for a removal {@code already-removed}.
     */
    public record Skipped(String paragraph, int start, int end, String reason) {
    }

    static ReviewOutcome of(Cable c) {
        return of(c, null);
    }

    static ReviewOutcome of(Cable c, Long redactionId) {
        return new ReviewOutcome(c.getId(), c.getReference(), c.getState().name(), c.getVersion(), c.getAssignee(),
                c.getState().allowedActions(), c.getBanner(), redactionId);
    }
}
