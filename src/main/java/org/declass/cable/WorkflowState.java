package org.declass.cable;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a cable is in its review: the whole state machine in one place. Each state names the states it may move
 * to and the actions a person may take in it. Who may take an action (claimant, roles, the two-person rule) is
 * decided by the review feature; ingest creates cables as NEW. ON_HOLD goes back to the state it came from, which
 * the cable remembers; APPROVED to RELEASED belongs to the release feature.
 */
public enum WorkflowState {
    /** Ingested, nobody has claimed it. */
    NEW("claim", "hold"),
    /** Claimed by one reviewer, who marks, dispositions and redacts it. */
    IN_REVIEW("mark", "disposition", "redact", "unredact", "submit", "hold"),
    /** Waiting for an approver; markings and redactions are frozen. */
    SUBMITTED("approve", "return", "hold"),
    /** Sent back by an approver with a reason; its reviewer resumes it. */
    RETURNED("claim", "hold"),
    /** Approved by a second person; frozen until released or held. */
    APPROVED("release", "hold"),
    /** Held with an exemption code, a reason and a review-by date; lifted back to the state it came from. */
    ON_HOLD("unhold"),
    /** Published; nothing follows. */
    RELEASED();

    private final List<String> actions;

    WorkflowState(String... actions) {
        this.actions = List.of(actions);
    }

    /** The states this one may move to. ON_HOLD lists every state it may return to. */
    public Set<WorkflowState> successors() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_REVIEW, ON_HOLD);
            case IN_REVIEW -> EnumSet.of(SUBMITTED, ON_HOLD);
            case SUBMITTED -> EnumSet.of(APPROVED, RETURNED, ON_HOLD);
            case RETURNED -> EnumSet.of(IN_REVIEW, ON_HOLD);
            case APPROVED -> EnumSet.of(RELEASED, ON_HOLD);
            case ON_HOLD -> EnumSet.of(NEW, IN_REVIEW, SUBMITTED, RETURNED, APPROVED);
            case RELEASED -> EnumSet.noneOf(WorkflowState.class);
        };
    }

    public boolean canMoveTo(WorkflowState next) {
        return successors().contains(next);
    }

    /** The actions that may be taken in this state, by name as in the API: "claim", "submit", "approve", ... */
    public List<String> allowedActions() {
        return Collections.unmodifiableList(actions);
    }

    public boolean allows(String action) {
        return actions.contains(action);
    }

    /** Only a cable in review may have its markings, dispositions and redactions changed. */
    public boolean isEditable() {
        return this == IN_REVIEW;
    }

    /** Every state before RELEASED, except ON_HOLD itself, may be put on hold. */
    public boolean mayBeHeld() {
        return canMoveTo(ON_HOLD);
    }
}
