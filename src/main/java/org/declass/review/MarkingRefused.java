package org.declass.review;

/**
 * A marking change that would create an ERROR finding, sent without an override reason. Maps to 422; the message
 * is the finding's (rule id and plain words, never portion text).
 */
public class MarkingRefused extends RuntimeException {

    public MarkingRefused(String message) {
        super(message);
    }
}
