package org.declass.review;

import java.time.LocalDate;
import java.util.List;

/** The JSON bodies of the review API. Every write carries the cable version the caller read. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /**
     * claim, submit, approve (override), return (reason), hold (code, reason, until), unhold; note optional
     * everywhere.
     *
     * @param override approve only: a reason to approve a cable with open ERROR findings, recorded in the approval's
     *                 audit entry
     */
    public record Action(Long version, String reason, String code, LocalDate until, String note, String override) {

        public Action(Long version, String reason, String code, LocalDate until, String note) {
            this(version, reason, code, until, note, null);
        }
    }

    /** The version the caller read, for actions that carry nothing else (a finding's suggested fix). */
    /** Adopt the decisions of cable {@code from} (a duplicate) at this cable's {@code version}. */
    public record Adopt(Long from, Long version) {
    }

    public record Version(Long version) {
    }

    /**
     * @param override a reason to accept a marking the validator reports as an error (issue 8); recorded in the
     *                 audit note
     */
    public record MarkingChange(String level, List<String> controls, String reason, String override, String note,
                                Long version) {
    }

    public record DispositionChange(String disposition, List<String> codes, String note, Long version) {
    }

    /** @param paragraph "5", "5.A" or "s7" (a number is accepted too) */
    public record NewRedaction(String paragraph, Integer start, Integer end, List<String> codes, String note,
                               Long version) {
    }

    /**
     * One span of a bulk redaction ({@link ReviewService#redactSpans}): characters [start, end) of a paragraph's or a
     * header portion's text.
     *
     * @param paragraph "5", "5.A", "s7", or a header portion ("subject", "ref", "classified-by", "tags")
     */
    public record Span(String paragraph, int start, int end) {
    }

    /**
     * Accepting or rejecting a suggested redaction. Accept: {version}, optionally codes (instead of the suggested one)
     * and a note. Reject: {version, reason}.
     */
    public record SuggestionDecision(Long version, String reason, List<String> codes, String note) {
    }

    public record CodeDescription(String scheme, String description, Integer sortOrder) {
    }
}
