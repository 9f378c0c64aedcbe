package org.declass.review;

/** A role is missing or a rule about people (the two-person rule) refuses the action. Maps to 403. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
