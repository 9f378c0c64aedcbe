package org.declass.review;

/** A marking change refused because it would create an ERROR finding; the message is that finding. */
public class MarkingRefused extends InvalidRequest {
    public MarkingRefused(String message) {
        super(message);
    }
}
