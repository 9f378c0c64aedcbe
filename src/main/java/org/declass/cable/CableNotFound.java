package org.declass.cable;

/** No cable has that id or reference. The message names what was asked for, nothing else. */
public class CableNotFound extends RuntimeException {
    public CableNotFound(String what) {
        super("no cable " + what);
    }
}
