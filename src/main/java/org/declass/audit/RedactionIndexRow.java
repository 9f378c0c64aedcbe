package org.declass.audit;

import java.time.Instant;
import java.util.List;

/**
 * One line of a cable's redaction index (a Vaughn-style index), built from the trail: the redaction's paragraph
 * and span, its exemption codes, who redacted it and when, and who approved it and when (null until approved).
 */
public record RedactionIndexRow(Integer paragraph, Integer spanStart, Integer spanEnd, List<String> codes,
                                String redactor, Instant redactedAt, String reason, String approver,
                                Instant approvedAt) {
}
