package org.declass.release;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.security.CurrentReader;

/**
 * The same views as {@link ViewResource} for a person signed in with the login form (the API takes HTTP Basic
 * only): the approver screen's PDF and text links point here.
 */
@Path("/cables/{id}/view")
public class ViewPages {

    @Inject
    CableRendering rendering;

    @Inject
    DocumentViews views;

    @Inject
    CurrentReader reader;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, "application/pdf", MediaType.APPLICATION_JSON})
    public Response view(@PathParam("id") String id, @QueryParam("audience") String audience,
                         @QueryParam("format") String format) {
        return ViewResource.render(rendering, views, reader, id, audience, format);
    }
}
