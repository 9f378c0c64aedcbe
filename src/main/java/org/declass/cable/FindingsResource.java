package org.declass.cable;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.declass.cable.FindingsService.RuleCount;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The findings report over the API: counts only, for any signed-in user. */
@Path("/api/findings")
@Tag(name = "Findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingsResource {

    @Inject
    FindingsService findings;

    @GET
    @Path("/report")
    @Operation(summary = "Findings per rule across all cables",
            description = "For each finding code and severity: the rule's title, how many cables and how many"
                    + " findings. The cables are listed by GET /api/cables?rule=CODE.")
    public List<RuleCount> report() {
        return findings.report();
    }
}
