package org.declass.marking;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The effective release date of a cable (issue 7; BRIEF 5.2, 5.3). Pure functions:
 * <ul>
 * <li>{@code DECL: <date>}: that date;</li>
 * <li>an exemption with a date ({@code 25X6, 20480915}): that date;</li>
 * <li>X1-X8, OADR, 25X# or MR without a date: 25 years after the origin date; 50X1-9: 50 years; 50X1-HUM,
 * 50X2-WMD, 75X: 75 years; no instruction on a classified cable: 25 years (32 CFR 2001.22(e)(1));</li>
 * <li>an event: never, until an approver records the day it occurred, then that day;</li>
 * <li>N/A, or an unclassified cable without an instruction: as soon as it is approved (the origin date);</li>
 * <li>a hold whose review-by date is later than all of the above: the hold's date, while it is held.</li>
 * </ul>
 * An unknown origin date counts from the day the cable was received (2001.22(e)(1): "the current date").
 */
public final class ReleaseDates {

    private ReleaseDates() {
    }

    /**
     * The date the instruction itself gives (no event, no hold).
     *
     * @param origin     the cable's date, or null when unknown
     * @param classified whether the cable is classified (decides what a missing instruction means)
     * @param received   the day the cable was received, used when {@code origin} is null
     */
    public static ReleaseDate fromInstruction(Declassification d, LocalDate origin, boolean classified,
                                              LocalDate received) {
        LocalDate from = origin != null ? origin : received;
        String fromText = origin != null ? "the origin date " + origin : "the day it was received " + received
                + " (origin date unknown)";
        return switch (d.kind()) {
            case DATE -> d.date() != null
                    ? new ReleaseDate(d.date(), ReleaseBasis.DECL_DATE, "DECL date " + d.date())
                    : years(25, ReleaseBasis.TWENTY_FIVE_YEARS, "DECL without a readable date", from, fromText);
            case NOT_APPLICABLE -> new ReleaseDate(from, ReleaseBasis.ON_APPROVAL,
                    "N/A: releasable as soon as approved");
            case OADR -> years(25, ReleaseBasis.TWENTY_FIVE_YEARS, "OADR (E.O. 12356)", from, fromText);
            case EXEMPTION -> exemption(d, from, fromText);
            case EVENT -> new ReleaseDate(null, ReleaseBasis.EVENT_PENDING, "event \"" + eventText(d)
                    + "\": not released until an approver records that it occurred");
            case UNKNOWN -> classified
                    ? years(25, ReleaseBasis.TWENTY_FIVE_YEARS, "no declassification instruction", from, fromText)
                    : new ReleaseDate(from, ReleaseBasis.ON_APPROVAL,
                    "unclassified, no instruction: releasable as soon as approved");
        };
    }

    /**
     * The effective date: the instruction's date, the recorded event's day, or a later hold date.
     *
     * @param eventOccurredOn the day an approver recorded for the instruction's event, or null
     * @param holdUntil       the review-by date of a hold the cable is under now, or null
     */
    public static ReleaseDate effective(ReleaseDate base, LocalDate eventOccurredOn, LocalDate holdUntil) {
        ReleaseDate d = base;
        if (base.basis() == ReleaseBasis.EVENT_PENDING && eventOccurredOn != null) {
            d = new ReleaseDate(eventOccurredOn, ReleaseBasis.EVENT_RECORDED, base.derivation()
                    .replace(": not released until an approver records that it occurred", "")
                    + " occurred on " + eventOccurredOn + " (recorded by an approver)");
        }
        if (holdUntil != null && d.date() != null && holdUntil.isAfter(d.date())) {
            d = new ReleaseDate(holdUntil, ReleaseBasis.HELD, "held until " + holdUntil + " (instead of "
                    + d.date() + ": " + d.derivation() + ")");
        }
        return d;
    }

    private static ReleaseDate exemption(Declassification d, LocalDate from, String fromText) {
        String codes = String.join(", ", d.exemptions());
        if (d.date() != null) {
            return new ReleaseDate(d.date(), ReleaseBasis.EXEMPTION_DATE, codes + " with the date " + d.date());
        }
        int years = 25;
        for (String code : d.exemptions()) {
            years = Math.max(years, yearsFor(code));
        }
        ReleaseBasis basis = switch (years) {
            case 75 -> ReleaseBasis.SEVENTY_FIVE_YEARS;
            case 50 -> ReleaseBasis.FIFTY_YEARS;
            default -> ReleaseBasis.TWENTY_FIVE_YEARS;
        };
        return years(years, basis, codes.isEmpty() ? "exemption" : codes, from, fromText);
    }

    /** Years from origin an exemption code without a date keeps a cable classified. */
    static int yearsFor(String code) {
        String c = code.toUpperCase(Locale.ROOT).replace(" ", "");
        if (c.equals("50X1-HUM") || c.equals("50X2-WMD") || c.startsWith("75X")) {
            return 75;
        }
        if (c.startsWith("50X")) {
            return 50;
        }
        return 25; // X1-X8, 25X1-25X9, MR and anything else: the automatic declassification at 25 years
    }

    private static ReleaseDate years(int n, ReleaseBasis basis, String why, LocalDate from, String fromText) {
        return new ReleaseDate(from.plusYears(n), basis, why + ": " + n + " years after " + fromText);
    }

    private static String eventText(Declassification d) {
        String e = d.event() != null && !d.event().isBlank() ? d.event() : d.raw();
        return e == null ? "unnamed" : e.trim();
    }

    /** The codes as written, for callers that only have them as a comma-separated string. */
    public static List<String> codes(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return List.of(commaSeparated.split("\\s*,\\s*"));
    }
}
