package org.declass.review;

import java.util.List;

import org.declass.cable.Cable;

/** What a review action answers: where the cable is now, and the version to send next. */
public record ReviewOutcome(long id, String reference, String state, long version, String assignee,
                            List<String> allowedActions, String banner, Long redactionId) {

    static ReviewOutcome of(Cable c) {
        return of(c, null);
    }

    static ReviewOutcome of(Cable c, Long redactionId) {
        return new ReviewOutcome(c.getId(), c.getReference(), c.getState().name(), c.getVersion(), c.getAssignee(),
                c.getState().allowedActions(), c.getBanner(), redactionId);
    }
}
