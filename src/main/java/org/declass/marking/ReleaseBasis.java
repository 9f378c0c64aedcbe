package org.declass.marking;

/** How a cable's effective release date was derived from its declassification instruction (and any hold). */
public enum ReleaseBasis {
    /** {@code DECL: <date>}: the date itself. */
    DECL_DATE,
    /** An exemption with a Panel-approved date ({@code 25X6, 20480915}): that date. */
    EXEMPTION_DATE,
    /** X1-X8, OADR, 25X without a date, MR, or no instruction on a classified cable: origin + 25 years. */
    TWENTY_FIVE_YEARS,
    /** 50X1-9 without a date: origin + 50 years. */
    FIFTY_YEARS,
    /** 50X1-HUM, 50X2-WMD or 75X without a date: origin + 75 years. */
    SEVENTY_FIVE_YEARS,
    /** N/A or no instruction on an unclassified cable: releasable as soon as approved. */
    ON_APPROVAL,
    /** An event nobody has recorded yet: never released automatically. */
    EVENT_PENDING,
    /** An event an approver recorded as having occurred on a date. */
    EVENT_RECORDED,
    /** On hold with a review-by date later than the instruction's date: the hold's date. */
    HELD;

    /** A short public label: "DECL date", "25 years after origin", ... (no instruction text). */
    public String label() {
        return switch (this) {
            case DECL_DATE -> "DECL date";
            case EXEMPTION_DATE -> "exemption date";
            case TWENTY_FIVE_YEARS -> "25 years after origin";
            case FIFTY_YEARS -> "50 years after origin";
            case SEVENTY_FIVE_YEARS -> "75 years after origin";
            case ON_APPROVAL -> "unclassified, on approval";
            case EVENT_PENDING -> "event not yet recorded";
            case EVENT_RECORDED -> "recorded event";
            case HELD -> "hold review date";
        };
    }

    /** Whether this basis gives a date at all. */
    public boolean hasDate() {
        return this != EVENT_PENDING;
    }
}
