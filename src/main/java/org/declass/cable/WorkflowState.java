package org.declass.cable;

/** Where a cable is in its review. Transitions are owned by the review feature; ingest creates cables as NEW. */
public enum WorkflowState {
    NEW, IN_REVIEW, SUBMITTED, RETURNED, APPROVED, ON_HOLD, RELEASED
}
