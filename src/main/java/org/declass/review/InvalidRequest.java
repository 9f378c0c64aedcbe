package org.declass.review;

/** A request the service cannot act on (missing reason, unknown code, range outside the paragraph). Maps to 400. */
public class InvalidRequest extends RuntimeException {

    public InvalidRequest(String message) {
        super(message);
    }
}
