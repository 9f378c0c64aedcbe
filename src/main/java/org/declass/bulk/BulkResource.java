package org.declass.bulk;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.declass.security.CurrentReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Find all and redact over JSON: preview, apply, undo. */
@Path("/api/redactions/bulk")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BulkResource {

    @Inject
    BulkService bulk;

    @Inject
    CurrentReader reader;

    @POST
    @Operation(summary = "Find every occurrence of a phrase or pattern and redact it (or preview)",
            description = "Body: {phrase | pattern, cables (ids) | q (a search), codes, note, preview, accept:"
                    + " [{cable, paragraph, start, end, version}]}. preview: true answers every occurrence in the"
                    + " portions the caller may read and changes nothing; otherwise the occurrences (or the accepted"
                    + " ones) are redacted cable by cable through the review aggregate, and the answer says per"
                    + " cable what was redacted and what was skipped and why. 400 naming the problem for bad input.")
    public Object run(BulkRequest body) {
        if (body != null && body.isPreview()) {
            return bulk.preview(body, reader.get());
        }
        return bulk.apply(body, reader.get());
    }

    @POST
    @Path("/{operation}/undo")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Undo a bulk redaction where each cable still allows it",
            description = "Removes the operation's redactions through the review aggregate, cable by cable; the"
                    + " answer says per cable what was removed and what was skipped and why.")
    public BulkResult undo(@PathParam("operation") String operation) {
        return bulk.undo(operation, reader.get())
                .orElseThrow(() -> new NotFoundException("there is no such bulk operation"));
    }
}
