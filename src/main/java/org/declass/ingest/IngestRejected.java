package org.declass.ingest;

/**
 * Input that cannot be ingested, with the HTTP status that fits and a message naming the problem. The message
 * never quotes the input.
 */
public class IngestRejected extends RuntimeException {
    private final int status;

    public IngestRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static IngestRejected badRequest(String message) {
        return new IngestRejected(400, message);
    }
}
