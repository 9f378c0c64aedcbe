package org.declass.release;

import java.net.URI;
import java.time.LocalDate;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.feedback.Confirmation;
import org.declass.feedback.Flash;
import org.declass.feedback.Notice;
import org.declass.review.FormRefusals;
import org.declass.review.InvalidRequest;
import org.declass.security.CurrentReader;
import org.declass.security.Roles;

/** The release calendar page (chart by month, overdue list), the demo's "jump to a date", and the cable-page forms. */
@Path("/release")
@Produces(MediaType.TEXT_HTML)
public class ReleasePages {

    @Inject
    ReleaseCalendar calendar;

    @Inject
    ReleaseActions actions;

    @Inject
    CurrentReader reader;

    @Inject
    DemoConfig demo;

    @Inject
    Flash flash;

    /** What the last jump did, shown above the chart. */
    public record Jumped(String to, int released, long skippedNotApproved, long durationMs) {

        /** The overdue count as the sweep reported it: a count at its cap reads "at least 10,000". */
        public String waiting() {
            return (skippedNotApproved >= ReleaseSweep.SKIPPED_CAP ? "at least " : "")
                    + String.format(java.util.Locale.ROOT, "%,d", skippedNotApproved);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(ReleaseCalendar.Calendar cal, ReleaseChart chart,
                                                boolean demo, Jumped jumped);
    }

    @GET
    public TemplateInstance page(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("jumped") String jumpedTo, @QueryParam("released") Integer released,
                                 @QueryParam("waiting") Long waiting, @QueryParam("ms") Long ms) {
        LocalDate[] range = ReleaseResource.range(from, to, calendar.today());
        ReleaseCalendar.Calendar cal = calendar.calendar(range[0], range[1], reader.get());
        Jumped jumped = jumpedTo == null ? null : new Jumped(jumpedTo, released == null ? 0 : released,
                waiting == null ? 0 : waiting, ms == null ? 0 : ms);
        // "jump to a date" is offered to the one who may use it: an administrator, in demo mode
        boolean mayJump = demo.enabled() && reader.get().hasRole(Roles.ADMIN);
        return Templates.calendar(cal, ReleaseChart.of(cal.months()), mayJump, jumped);
    }

    /** Demo mode: an administrator moves the demo clock to a date and runs a sweep (audited). */
    @POST
    @Path("/jump")
    public Response jump(@FormParam("date") String date) {
        actions.requireClockMover(reader.get());
        LocalDate day = ReleaseResource.date("date", date, null);
        if (day == null) {
            throw new InvalidRequest("date is required (yyyy-mm-dd)");
        }
        SweepReport r = actions.jumpTo(day, reader.get());
        return Response.seeOther(URI.create("/release?jumped=" + day + "&released=" + r.releasedCount()
                + "&waiting=" + r.skipped().getOrDefault("notApproved", 0L) + "&ms=" + r.durationMs())).build();
    }

    /**
     * A cable-page form the service refused (400, 403, 404, 409) goes back to the cable page with the refusal as the
     * page's message, not to an error page; anything else (an unknown cable) is answered as before.
     */
    private Response refusedBack(RuntimeException e, String location) {
        if (FormRefusals.status(e) == 0 || e instanceof org.declass.cable.CableNotFound) {
            throw e;
        }
        return flash.seeOther(location, Notice.of(Notice.Kind.NOT_DONE, FormRefusals.message(e)));
    }

    @POST
    @Path("/cables/{id}/release-now")
    public Response releaseNow(@PathParam("id") long id, @FormParam("version") Long version,
                               @FormParam(Confirmation.FIELD) String confirm) {
        String back = "/cables/" + id + "#release";
        if (!Confirmation.confirmed(confirm) && reader.get().hasRole(Roles.APPROVER)) {
            return Response.ok(Confirmation.ask("Release now", "Release this cable to the public now, before the"
                    + " sweep would? The frozen public version goes to the reading room; a release cannot be"
                    + " withdrawn here.", "/release/cables/" + id + "/release-now",
                    java.util.Map.of("version", version == null ? "" : String.valueOf(version)), back)).build();
        }
        try {
            ReleaseActions.Released released = actions.releaseNow(id, version, reader.get());
            return flash.seeOther(back, Notice.of(Notice.Kind.RELEASED, released.reference()));
        } catch (RuntimeException e) {
            return refusedBack(e, back);
        }
    }

    @POST
    @Path("/cables/{id}/event")
    public Response event(@PathParam("id") long id, @FormParam("occurredOn") String occurredOn,
                          @FormParam("note") String note, @FormParam("version") Long version) {
        LocalDate on = ReleaseResource.date("occurredOn", occurredOn, null);
        try {
            actions.recordEvent(id, on, note, version, reader.get());
        } catch (RuntimeException e) {
            return refusedBack(e, "/cables/" + id + "#release");
        }
        return flash.seeOther("/cables/" + id + "#release", Notice.of(Notice.Kind.EVENT_RECORDED,
                "the cable"));
    }
}
