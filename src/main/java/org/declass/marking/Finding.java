package org.declass.marking;

import java.util.Objects;

/**
 * One problem found in a cable, by the parser or by a marking rule.
 *
 * @param code       stable id: a rule id from the domain brief (e.g. {@code R-LVL-1}) or a parser code ({@code P-...})
 * @param severity   ERROR, WARNING or INFO
 * @param message    plain words, never containing the text of a classified passage
 * @param line       1-based line in the original text, or null
 * @param paragraph  1-based paragraph sequence number ({@code seq}), or null
 * @param suggestion an obvious fix a person may apply, or null
 */
public record Finding(String code, Severity severity, String message, Integer line, Integer paragraph,
                      Suggestion suggestion) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public Finding(String code, Severity severity, String message, Integer line, Integer paragraph) {
        this(code, severity, message, line, paragraph, null);
    }

    public static Finding atLine(String code, Severity severity, String message, Integer line) {
        return new Finding(code, severity, message, line, null);
    }

    /** The same finding with a severity no higher than {@code cap} (ERROR is highest). */
    public Finding cappedAt(Severity cap) {
        return severity.ordinal() < cap.ordinal()
                ? new Finding(code, cap, message, line, paragraph, suggestion) : this;
    }
}
