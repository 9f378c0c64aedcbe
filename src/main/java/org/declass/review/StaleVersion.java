package org.declass.review;

/** The request was based on an older version of the cable; nothing was changed. Maps to 409. */
public class StaleVersion extends RuntimeException {

    public StaleVersion(long sent, long current) {
        super("stale version " + sent + ", the cable is at version " + current + "; reload and try again");
    }

    public StaleVersion(String message) {
        super(message);
    }
}
