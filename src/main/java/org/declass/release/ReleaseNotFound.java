package org.declass.release;

/**
 * No released cable answers to this id. The same message for an unknown id and for a cable that exists but is not
 * released, so the public cannot learn that an unreleased cable exists.
 */
public class ReleaseNotFound extends RuntimeException {

    public static final String MESSAGE = "no released cable has this id";

    public ReleaseNotFound() {
        super(MESSAGE);
    }
}
