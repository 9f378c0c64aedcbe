package org.declass.security;

/** The reader's clearance or NOFORN eligibility does not cover what they asked for. Maps to 403. */
public class NotCleared extends RuntimeException {
    public NotCleared(String message) {
        super(message);
    }
}
