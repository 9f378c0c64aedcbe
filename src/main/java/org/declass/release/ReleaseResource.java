package org.declass.release;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.review.InvalidRequest;
import org.declass.security.CurrentReader;
import org.declass.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The release sweep, the calendar and its iCalendar feed over the API (HTTP Basic, like all of /api; calendar
 * clients subscribe with the approver's user name and password in the subscription).
 */
@Path("/api/release")
@Tag(name = "Release")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    public static final String TEXT_CALENDAR = "text/calendar";

    @Inject
    ReleaseSweep sweep;

    @Inject
    ReleaseCalendar calendar;

    @Inject
    CurrentReader reader;

    @Inject
    Clock clock;

    @POST
    @Path("/sweep")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the release sweep now",
            description = "Releases every APPROVED cable whose release date has come; returns the released ids,"
                    + " the due cables skipped by reason and the duration.")
    public SweepReport sweep() {
        return sweep.sweep(clock.instant(), "admin " + reader.get().username());
    }

    @GET
    @Path("/calendar")
    @Operation(summary = "Upcoming releases by month, and the overdue queue",
            description = "from, to: yyyy-mm-dd (default: this month and the next 23)")
    public ReleaseCalendar.Calendar calendar(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] range = range(from, to, calendar.today());
        return calendar.calendar(range[0], range[1], reader.get());
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Due cables not yet approved (never released unreviewed), with counts")
    public ReleaseCalendar.Overdue overdue() {
        return calendar.overdue(reader.get());
    }

    @GET
    @Path("/calendar.ics")
    @Produces(TEXT_CALENDAR + ";charset=UTF-8")
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "iCalendar feed of upcoming releases (RFC 5545), for approvers' calendars",
            description = "from, to: yyyy-mm-dd (default: today and the next 365 days). Reference and date; the"
                    + " subject only when the subscriber is cleared for it.")
    public Response ics(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = calendar.today();
        LocalDate f = date("from", from, today);
        LocalDate t = date("to", to, f.plusDays(365));
        check(f, t);
        ReleaseCalendar.Calendar cal = calendar.calendar(f, t, reader.get());
        return Response.ok(ICalendarFeed.render(cal.items(), clock.instant(), "declass"))
                .type(TEXT_CALENDAR + ";charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"declass-releases.ics\"").build();
    }

    /** The calendar's range from request parameters, naming the parameter it cannot read. */
    public static LocalDate[] range(String from, String to, LocalDate today) {
        LocalDate f = date("from", from, today.withDayOfMonth(1));
        LocalDate t = date("to", to, f.plusMonths(24).minusDays(1));
        check(f, t);
        return new LocalDate[] {f, t};
    }

    private static void check(LocalDate f, LocalDate t) {
        if (t.isBefore(f)) {
            throw new InvalidRequest("to (" + t + ") is before from (" + f + ")");
        }
        if (f.plusYears(100).isBefore(t)) {
            throw new InvalidRequest("from and to may be at most 100 years apart");
        }
    }

    static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(name + " must be a date yyyy-mm-dd, not '" + limit(value) + "'");
        }
    }

    private static String limit(String s) {
        String t = s.trim();
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
