package org.declass.review;

/** No paragraph with that address in the cable. Maps to 404. */
public class ParagraphNotFound extends RuntimeException {

    public ParagraphNotFound(String message) {
        super(message);
    }
}
