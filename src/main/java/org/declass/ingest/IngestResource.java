package org.declass.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.cable.CableService;
import org.declass.ingest.parser.ParseHints;
import org.declass.security.CurrentReader;
import org.declass.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Receiving cables over the API: one text at a time, or a zip of .txt files. */
@Path("/api/cables")
@Tag(name = "Ingest")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    @Inject
    IngestService ingest;

    @Inject
    CableService cables;

    @Inject
    CurrentReader reader;

    @Inject
    ImportJobs jobs;

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "Ingest one cable", description = "The body is the cable text, UTF-8. Answers 201 with the"
            + " parsed cable, 200 when the same text is already stored, 409 when the reference holds another text.")
    public Response ingest(byte[] body,
                           @Parameter(description = "reference id, when the text does not give it (e.g. 05DUSHANBE1839)")
                           @QueryParam("reference") String reference,
                           @Parameter(description = "cable date, ISO yyyy-mm-dd") @QueryParam("date") String date) {
        ParseHints hints = new ParseHints(blankToNull(reference), parseDate(date));
        IngestOutcome outcome = ingest.ingest(body, hints, reader.get().username());
        var view = cables.view(outcome.cableId(), reader.get());
        return outcome.created()
                ? Response.created(URI.create("/api/cables/" + outcome.cableId())).entity(view).build()
                : Response.ok(view).header("X-Declass-Duplicate", "true").build();
    }

    @POST
    @Path("/bulk")
    @Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Ingest a zip of .txt cables", description = "Answers 200 with a report per file.")
    public Response bulk(InputStream body,
                         @Parameter(description = "true: answer 202 at once with a job to follow at /api/imports/{id}")
                         @QueryParam("async") boolean async) throws IOException {
        java.nio.file.Path tmp = Files.createTempFile("declass-bulk-", ".zip");
        boolean handedOver = false;
        try {
            Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(tmp) == 0) {
                throw IngestRejected.badRequest("the upload is empty: send a zip of .txt cable files");
            }
            if (async) {
                String id = jobs.start(tmp, reader.get().username());
                handedOver = true;
                return Response.accepted(jobs.status(id, reader.get().username()).orElseThrow())
                        .location(URI.create("/api/imports/" + id)).build();
            }
            return Response.ok(ingest.importZip(tmp, reader.get().username())).build();
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    static LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw IngestRejected.badRequest("date must be an ISO date such as 2005-11-21");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
