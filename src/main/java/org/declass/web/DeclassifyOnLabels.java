package org.declass.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.declass.marking.DeclassificationKind;
import org.declass.marking.ReleaseBasis;

/**
 * "Declassify on" in words, the same on every page (cable list, cable page, review queue and screen, release
 * calendar): what the instruction says (no instruction text, which only cleared readers may read) and the effective
 * release date it gives, e.g. "OADR (originating agency's determination required): 2017-03-02, 25 years after
 * origin". {@code {inject:declassifyOn.label(kind, declassDate, basis, releaseOn)}} in the templates.
 */
@ApplicationScoped
@Named("declassifyOn")
public class DeclassifyOnLabels {

    /** The states in which a cable waits for people; past its date in one of them, it is overdue. */
    static final Set<String> WAITING = Set.of("NEW", "IN_REVIEW", "SUBMITTED", "RETURNED");

    @Inject
    Clock clock;

    /** The words for a cable's declassification instruction (its kind) and effective release date. */
    public String label(Object kind, LocalDate declassDate, Object basis, LocalDate releaseOn) {
        return describe(parse(DeclassificationKind.class, kind), declassDate, parse(ReleaseBasis.class, basis),
                releaseOn);
    }

    /** Whether the cable's release date has come while it still waits for review or approval. */
    public boolean overdue(LocalDate releaseOn, Object state) {
        return releaseOn != null && state != null && WAITING.contains(state.toString())
                && !releaseOn.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** How a release date was derived, in words ("25 years after origin"); "" when unknown. */
    public String basis(Object basis) {
        ReleaseBasis b = parse(ReleaseBasis.class, basis);
        return b == null ? "" : b.label();
    }

    static String describe(DeclassificationKind kind, LocalDate declassDate, ReleaseBasis basis, LocalDate releaseOn) {
        String what = switch (kind == null ? DeclassificationKind.UNKNOWN : kind) {
            case DATE -> null;
            case NOT_APPLICABLE -> "Not applicable (unclassified)";
            case EXEMPTION -> "Exempt";
            case OADR -> "OADR (originating agency's determination required)";
            case EVENT -> "On an event";
            case UNKNOWN -> "No instruction";
        };
        String when = when(kind, declassDate, basis, releaseOn);
        if (what == null) {
            return when == null ? "—" : when;
        }
        return when == null ? what : what + ": " + when;
    }

    private static String when(DeclassificationKind kind, LocalDate declassDate, ReleaseBasis basis,
                               LocalDate releaseOn) {
        if (basis == null) {
            // the release date has not been computed for this cable (yet): only the instruction's own date
            return declassDate == null ? null : declassDate.toString();
        }
        return switch (basis) {
            case DECL_DATE -> String.valueOf(releaseOn);
            case EXEMPTION_DATE -> "until " + releaseOn;
            case TWENTY_FIVE_YEARS, FIFTY_YEARS, SEVENTY_FIVE_YEARS -> releaseOn + ", " + basis.label();
            case ON_APPROVAL -> kind == DeclassificationKind.NOT_APPLICABLE ? "released on approval"
                    : "unclassified, released on approval";
            case EVENT_PENDING -> "not yet recorded, no automatic date";
            case EVENT_RECORDED -> "recorded, " + releaseOn;
            case HELD -> releaseOn + ", the hold's review date";
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Object value) {
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
