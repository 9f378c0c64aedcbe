package org.declass.review;

import org.declass.cable.WorkflowState;

/** The action does not fit the cable's state or claimant. Maps to 409 with the current state and allowed actions. */
public class TransitionNotAllowed extends RuntimeException {

    public TransitionNotAllowed(String message) {
        super(message);
    }

    public static TransitionNotAllowed inState(String reference, WorkflowState state, String action) {
        return new TransitionNotAllowed("cannot " + action + " cable " + reference + ": it is " + state
                + "; allowed actions: " + describe(state));
    }

    static String describe(WorkflowState state) {
        return state.allowedActions().isEmpty() ? "none" : String.join(", ", state.allowedActions());
    }
}
