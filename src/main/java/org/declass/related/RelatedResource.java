package org.declass.related;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.declass.security.CurrentReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Related cables over the API. */
@Path("/api/cables/{id}/related")
@Tag(name = "Cables")
@Produces(MediaType.APPLICATION_JSON)
public class RelatedResource {

    @Inject
    RelatedService related;

    @Inject
    CurrentReader reader;

    @GET
    @Operation(summary = "Cables related to one cable", description = "duplicates (the same words of the body in the"
            + " same order, whatever the header, case, spacing or line breaks), nearDuplicates (estimated Jaccard"
            + " similarity of 4-word shingles of 0.5 or more, with the similarity), sharedPassages (paragraphs of 8"
            + " words or more that stand in both, by address here and there), references (the REF line's cable ids,"
            + " id null when not stored here) and referencedBy (cables whose REF cites this one). A body comparison"
            + " is listed only for a reader of both whole cables, a shared passage only for a reader of it in both,"
            + " a REF link only where the citing cable's REF line is readable. At most 50 of each.")
    public RelatedView get(@PathParam("id") long id) {
        return related.related(id, reader.get());
    }
}
