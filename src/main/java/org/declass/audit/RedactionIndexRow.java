package org.declass.audit;

import java.time.Instant;
import java.util.List;

/**
 * One line of a cable's redaction index (a Vaughn-style index), built from the trail: the redaction's paragraph
 * and span, its exemption codes, who redacted it and when, and who approved it and when (null until approved).
 * When {@code withheld}, the reader is not cleared for the paragraph: the span offsets are absent (they would give
 * lengths) and the reason is the placeholder naming the paragraph's level.
 */
public record RedactionIndexRow(Integer paragraph, Integer spanStart, Integer spanEnd, List<String> codes,
                                String redactor, Instant redactedAt, String reason, String approver,
                                Instant approvedAt, boolean withheld) {
}
