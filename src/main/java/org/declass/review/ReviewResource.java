package org.declass.review;

import java.net.URI;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.cable.CableService;
import org.declass.cable.CableView;
import org.declass.review.ReviewRequests.Action;
import org.declass.review.ReviewRequests.DispositionChange;
import org.declass.review.ReviewRequests.MarkingChange;
import org.declass.review.ReviewRequests.NewRedaction;
import org.declass.security.CurrentReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The review actions over JSON. Each body carries the version the caller read; a stale one answers 409. */
@Path("/api/cables")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService review;

    @Inject
    CurrentReader reader;

    @Inject
    CableService cables;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Claim a NEW cable, or resume a RETURNED one", description = "Body: {version, note}")
    public ReviewOutcome claim(@PathParam("id") long id, Action body) {
        return review.claim(id, orEmpty(body), reader.get());
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit a claimed cable for approval", description = "Body: {version, note}")
    public ReviewOutcome submit(@PathParam("id") long id, Action body) {
        return review.submit(id, orEmpty(body), reader.get());
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a submitted cable (two-person rule)",
            description = "Body: {version, note, override}. 409 naming each open ERROR finding, unless `override`"
                    + " gives a reason (recorded in the audit trail). Applies every pending lowered marking.")
    public ReviewOutcome approve(@PathParam("id") long id, Action body) {
        return review.approve(id, orEmpty(body), reader.get());
    }

    @POST
    @Path("/{id}/return")
    @Operation(summary = "Return a submitted cable to its reviewer", description = "Body: {version, reason}")
    public ReviewOutcome returnToReviewer(@PathParam("id") long id, Action body) {
        return review.returnToReviewer(id, orEmpty(body), reader.get());
    }

    @POST
    @Path("/{id}/hold")
    @Operation(summary = "Put a cable on hold", description = "Body: {version, code, reason, until: yyyy-mm-dd}")
    public ReviewOutcome hold(@PathParam("id") long id, Action body) {
        return review.hold(id, orEmpty(body), reader.get());
    }

    @POST
    @Path("/{id}/unhold")
    @Operation(summary = "Lift a hold: back to the state the cable came from", description = "Body: {version}")
    public ReviewOutcome unhold(@PathParam("id") long id, Action body) {
        return review.unhold(id, orEmpty(body), reader.get());
    }

    @PUT
    @Path("/{id}/paragraphs/{number}/marking")
    @Operation(summary = "Confirm or change a paragraph's portion marking",
            description = "{number}: 5, 5.A, or s7 (seq). Body: {level, controls, reason, override, version}")
    public ReviewOutcome marking(@PathParam("id") long id, @PathParam("number") String number, MarkingChange body) {
        return review.remark(id, number, body == null ? new MarkingChange(null, null, null, null, null, null) : body,
                reader.get());
    }

    @PUT
    @Path("/{id}/paragraphs/{number}/disposition")
    @Operation(summary = "Release a paragraph or withhold it in full",
            description = "Body: {disposition: RELEASE | WITHHOLD, codes, note, version}")
    public ReviewOutcome disposition(@PathParam("id") long id, @PathParam("number") String number,
                                     DispositionChange body) {
        return review.dispose(id, number, body == null ? new DispositionChange(null, null, null, null) : body,
                reader.get());
    }

    @POST
    @Path("/{id}/adopt-decisions")
    @Operation(summary = "Adopt the decisions of a duplicate",
            description = "Body: {from: the id of a submitted, approved or released cable with the same body, version}."
                    + " Its paragraph dispositions and redactions are applied here, each audited; markings are not"
                    + " adopted. 409 when the bodies differ (naming the paragraph).")
    public ReviewOutcome adoptDecisions(@PathParam("id") long id, ReviewRequests.Adopt body) {
        if (body == null || body.from() == null) {
            throw new InvalidRequest("from is required: the id of the cable whose decisions to adopt");
        }
        return review.adoptDecisions(id, body.from(), body.version(), reader.get());
    }

    @POST
    @Path("/{id}/redactions")
    @Operation(summary = "Propose a redaction of a span of a paragraph's text",
            description = "Body: {paragraph, start, end (exclusive, characters of the text field), codes, note, version}")
    public Response redact(@PathParam("id") long id, NewRedaction body) {
        ReviewOutcome out = review.redact(id, body == null ? new NewRedaction(null, null, null, null, null, null)
                : body, reader.get());
        return Response.created(URI.create("/api/cables/" + id + "/redactions/" + out.redactionId())).entity(out)
                .build();
    }

    @DELETE
    @Path("/{id}/redactions/{rid}")
    @Operation(summary = "Remove a proposed redaction", description = "?version= the version you read")
    public ReviewOutcome unredact(@PathParam("id") long id, @PathParam("rid") long rid,
                                  @QueryParam("version") Long version) {
        return review.unredact(id, rid, version, reader.get());
    }

    @POST
    @Path("/{id}/findings/{code}/apply")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Apply a finding's suggested fix (the claimant, IN_REVIEW)",
            description = "A marking change like any other: changes the overall marking or the paragraph's mark"
                    + " (a lowering is a proposal until approval), recomputes the findings and records the change"
                    + " in the audit trail; the caller counts as a reviewer for the two-person rule. `paragraph`"
                    + " picks among findings with the same code. The version the caller read: `?version=` or a"
                    + " JSON body {version}. 403 when not the claimant, 409 in another state or for a stale"
                    + " version.")
    public CableView applyFix(@PathParam("id") long id, @PathParam("code") String code,
                              @QueryParam("paragraph") Integer paragraph, @QueryParam("version") Long version,
                              String body) {
        Long v = version != null ? version : versionIn(body);
        review.applyFix(id, code, paragraph, v, reader.get());
        return cables.view(id, reader.get());
    }

    @GET
    @Path("/{id}/suggestions")
    @Operation(summary = "The redactions the detectors suggest (reviewers and approvers)",
            description = "Names with their titles, phone numbers, e-mail addresses, passport and identity numbers,"
                    + " and names the cable marks PROTECT: each with id, paragraph, start, end (characters of the"
                    + " paragraph's text), text, kind, code, confidence and why. Only from paragraphs the reader may"
                    + " read; spans already redacted, paragraphs withheld in full and rejected suggestions are left"
                    + " out. See docs/suggestions.md.")
    public SuggestionList suggestions(@PathParam("id") long id) {
        java.util.List<org.declass.suggest.Suggestion> items = review.suggestions(id, reader.get());
        return new SuggestionList(items, items.size());
    }

    /** The suggestions of a cable and how many there are. */
    public record SuggestionList(java.util.List<org.declass.suggest.Suggestion> items, int total) {
    }

    @POST
    @Path("/{id}/suggestions/{sid}/accept")
    @Operation(summary = "Turn a suggestion into a redaction (the claimant, IN_REVIEW)",
            description = "Body: {version, codes (optional: instead of the suggested code), note}. Audited as"
                    + " REDACTION_ADDED. 404 when the suggestion is gone; 409 for a stale version or another state.")
    public Response acceptSuggestion(@PathParam("id") long id, @PathParam("sid") String sid,
                                     ReviewRequests.SuggestionDecision body) {
        ReviewOutcome out = review.acceptSuggestion(id, sid, body == null
                ? new ReviewRequests.SuggestionDecision(null, null, null, null) : body, reader.get());
        return Response.created(URI.create("/api/cables/" + id + "/redactions/" + out.redactionId())).entity(out)
                .build();
    }

    @POST
    @Path("/{id}/suggestions/{sid}/reject")
    @Operation(summary = "Dismiss a suggestion with a reason (the claimant, IN_REVIEW)",
            description = "Body: {version, reason}. Audited as SUGGESTION_REJECTED; the same text of the same kind"
                    + " in the same paragraph is not proposed again.")
    public ReviewOutcome rejectSuggestion(@PathParam("id") long id, @PathParam("sid") String sid,
                                          ReviewRequests.SuggestionDecision body) {
        return review.rejectSuggestion(id, sid, body == null
                ? new ReviewRequests.SuggestionDecision(null, null, null, null) : body, reader.get());
    }

    /** The version of a JSON body {version}; null for no body. Any body, so that a bare POST with ?version= works. */
    private Long versionIn(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            ReviewRequests.Version parsed = json.readValue(body, ReviewRequests.Version.class);
            return parsed == null ? null : parsed.version();
        } catch (java.io.IOException e) {
            throw new InvalidRequest("the body must be JSON {\"version\": n} (or send ?version=)");
        }
    }

    private static Action orEmpty(Action body) {
        return body == null ? new Action(null, null, null, null, null) : body;
    }
}
