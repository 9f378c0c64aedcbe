package org.declass.release;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.declass.marking.ReleaseDate;
import org.declass.security.CurrentReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Release actions on one cable: release a due cable now, record that its declassification event occurred. */
@Path("/api/cables")
@Tag(name = "Release")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReleaseCableResource {

    @Inject
    ReleaseActions actions;

    @Inject
    CurrentReader reader;

    public record ReleaseNow(Long version) {
    }

    public record EventOccurred(LocalDate occurredOn, String note, Long version) {
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Release a due, approved cable now (APPROVER; two-person rule)",
            description = "Body: {version} (optional). 409 when not approved or not due.")
    public ReleaseActions.Released releaseNow(@PathParam("id") long id, ReleaseNow body) {
        return actions.releaseNow(id, body == null ? null : body.version(), reader.get());
    }

    @POST
    @Path("/{id}/event")
    @Operation(summary = "Record that the declassification event occurred (APPROVER)",
            description = "Body: {occurredOn: yyyy-mm-dd, note, version}. Only for an event instruction.")
    public ReleaseDate eventOccurred(@PathParam("id") long id, EventOccurred body) {
        EventOccurred b = body == null ? new EventOccurred(null, null, null) : body;
        return actions.recordEvent(id, b.occurredOn(), b.note(), b.version(), reader.get());
    }
}
