package org.declass.release;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.redaction.Audience;
import org.declass.redaction.CableDocument;
import org.declass.security.CurrentReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A signed-in reader's view of a cable, for one audience and in one format. {@code audience=public} is what the
 * public receives (the approver's preview until release); the default is the reader's own audience.
 */
@Path("/api/cables/{id}/view")
@Tag(name = "Cables")
public class ViewResource {

    @Inject
    CableRendering rendering;

    @Inject
    DocumentViews views;

    @Inject
    CurrentReader reader;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, "application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "A cable rendered for an audience",
            description = "audience=public|cleared|reviewer (default: the caller's own); format=html|txt|pdf|json"
                    + " (default html).")
    public Response view(@PathParam("id") String id, @QueryParam("audience") String audience,
                         @QueryParam("format") String format) {
        return render(rendering, views, reader, id, audience, format);
    }

    /** Shared by the API and the signed-in page route {@link ViewPages}. */
    static Response render(CableRendering rendering, DocumentViews views, CurrentReader reader, String id,
                           String audience, String format) {
        Audience wanted = null;
        if (audience != null && !audience.isBlank()) {
            wanted = Audience.fromParameter(audience).orElseThrow(() -> new BadRequestException(
                    "audience must be one of public, cleared, reviewer"));
        }
        ViewFormat f = format == null || format.isBlank() ? ViewFormat.HTML : ViewFormat.fromParameter(format)
                .orElseThrow(() -> new BadRequestException("format must be one of html, txt, pdf, json"));
        long cableId;
        try {
            cableId = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("the cable id must be a number");
        }
        CableDocument doc = rendering.render(cableId, wanted, reader.get(), f.extension());
        return views.respond(doc, f, doc.reference() + "-" + doc.audience().parameter());
    }
}
