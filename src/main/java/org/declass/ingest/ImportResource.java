package org.declass.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.declass.security.CurrentReader;
import org.declass.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Following a bulk import started with {@code POST /api/cables/bulk?async=true}. */
@Path("/api/imports")
@Tag(name = "Ingest")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    ImportJobs jobs;

    @Inject
    CurrentReader reader;

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Progress of a bulk import: state, count, total, rate; the per-file report at the end")
    public ImportJobs.Status status(@PathParam("id") String id) {
        return jobs.status(id, reader.get().username()).orElseThrow(() -> new NotFoundException("no import " + id));
    }
}
