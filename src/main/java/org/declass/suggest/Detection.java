package org.declass.suggest;

import java.util.Objects;

/**
 * One span a detector proposes to withhold: characters [start, end) of the text it was given, the kind, the
 * exemption code it suggests, a confidence between 0 and 1 and a short reason a reviewer can read (never the text).
 */
public record Detection(Kind kind, int start, int end, String code, double confidence, String why) {

    public Detection {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a detection needs 0 <= start < end");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence is between 0 and 1");
        }
        code = code == null ? kind.defaultCode() : code;
    }

    static Detection of(Kind kind, int start, int end, double confidence, String why) {
        return new Detection(kind, start, end, kind.defaultCode(), confidence, why);
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    public boolean overlaps(Detection other) {
        return overlaps(other.start, other.end);
    }

    public int length() {
        return end - start;
    }

    Detection as(Kind newKind, String newCode, double newConfidence, String newWhy) {
        return new Detection(newKind, start, end, newCode, newConfidence, newWhy);
    }

    Detection withCode(String newCode) {
        return new Detection(kind, start, end, newCode, confidence, why);
    }
}
