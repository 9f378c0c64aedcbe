package org.declass.review;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.declass.review.ReviewRequests.CodeDescription;
import org.declass.security.CurrentReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The configurable exemption code lists: everyone signed in reads them, administrators edit them. */
@Path("/api/exemption-codes")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExemptionCodeResource {

    @Inject
    ReviewService review;

    @Inject
    CurrentReader reader;

    /**
     * One code; {@code classifiedOnly} is true for a code that may be cited only on a classified portion (25X, 50X,
     * 75X, X1-X8, (b)(1)): on a (U) or SBU paragraph it is an R-EXM-1 error.
     */
    public record CodeView(String code, String scheme, String description, int sortOrder, boolean classifiedOnly) {
        static CodeView of(ExemptionCode e) {
            return new CodeView(e.getCode(), e.getScheme(), e.getDescription(), e.getSortOrder(),
                    org.declass.marking.MarkingRules.isClassifiedInformationExemption(e.getCode()));
        }
    }

    @GET
        @Operation(summary = "The exemption codes reviewers may cite, with descriptions")
    public List<CodeView> codes() {
        return review.exemptionCodes().stream().map(CodeView::of).toList();
    }

    @PUT
    @Path("/{code}")
    @Operation(summary = "Add an exemption code or change its description (ADMIN)",
            description = "Body: {scheme, description, sortOrder}")
    public CodeView describe(@PathParam("code") String code, CodeDescription body) {
        return CodeView.of(review.describeCode(code, body == null ? new CodeDescription(null, null, null) : body,
                reader.get()));
    }

}
