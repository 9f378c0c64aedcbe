package org.declass.review;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.review.ReviewRequests.Action;
import org.declass.review.ReviewRequests.DispositionChange;
import org.declass.review.ReviewRequests.MarkingChange;
import org.declass.review.ReviewRequests.NewRedaction;
import org.declass.security.CurrentReader;

/**
 * The reviewer's and approver's pages: work queues, the review screen and the approver screen. Every action is a
 * plain form post carrying the version the page was rendered with, answered by a redirect (errors render the
 * error page with the refusal).
 */
@Path("/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    @Inject
    ReviewService review;

    @Inject
    CurrentReader reader;

    @Inject
    org.declass.cable.RelatedCables.Finder relatedCables;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(ReviewQueue page, List<String> queues);

        static native TemplateInstance review(ReviewScreen screen);

        static native TemplateInstance approve(ReviewScreen screen);
    }

    @GET
    public TemplateInstance queue(@QueryParam("queue") String queue, @QueryParam("level") String level,
                                  @QueryParam("origin") String origin, @QueryParam("q") String q,
                                  @QueryParam("sort") String sort) {
        return Templates.queue(review.queue(queue, new ReviewQueue.Filters(level, origin, q, sort), reader.get()),
                ReviewQueue.QUEUES);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance reviewScreen(@PathParam("id") long id) {
        return Templates.review(review.screen(id, reader.get()))
                .data("related", relatedCables.of(id, reader.get()));
    }

    @GET
    @Path("/{id}/approve")
    public TemplateInstance approveScreen(@PathParam("id") long id) {
        return Templates.approve(review.screen(id, reader.get()));
    }

    @POST
    @Path("/{id}/{action:claim|submit|approve|return|hold|unhold}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("action") String action,
                        @FormParam("version") Long version, @FormParam("reason") String reason,
                        @FormParam("code") String code, @FormParam("until") String until,
                        @FormParam("note") String note, @FormParam("override") String override) {
        Action body = new Action(version, reason, code, date(until), note, override);
        switch (action) {
            case "claim" -> review.claim(id, body, reader.get());
            case "submit" -> review.submit(id, body, reader.get());
            case "approve" -> review.approve(id, body, reader.get());
            case "return" -> review.returnToReviewer(id, body, reader.get());
            case "hold" -> review.hold(id, body, reader.get());
            default -> review.unhold(id, body, reader.get());
        }
        String next = switch (action) {
            case "submit" -> "/review?queue=mine";
            case "approve", "return" -> "/review?queue=awaiting";
            default -> "/review/" + id;
        };
        return Response.seeOther(URI.create(next)).build();
    }

    @POST
    @Path("/{id}/paragraphs/{number}/marking")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response marking(@PathParam("id") long id, @PathParam("number") String number,
                            @FormParam("version") Long version, @FormParam("level") String level,
                            @FormParam("controls") String controls, @FormParam("reason") String reason,
                            @FormParam("override") String override) {
        review.remark(id, number, new MarkingChange(level, list(controls), reason, override, null, version),
                reader.get());
        return back(id, number);
    }

    @POST
    @Path("/{id}/paragraphs/{number}/disposition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disposition(@PathParam("id") long id, @PathParam("number") String number,
                                @FormParam("version") Long version, @FormParam("disposition") String disposition,
                                @FormParam("codes") String codes, @FormParam("note") String note) {
        review.dispose(id, number, new DispositionChange(disposition, list(codes), note, version), reader.get());
        return back(id, number);
    }

    @POST
    @Path("/{id}/redactions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redact(@PathParam("id") long id, @FormParam("version") Long version,
                           @FormParam("paragraph") String paragraph, @FormParam("start") Integer start,
                           @FormParam("end") Integer end, @FormParam("codes") String codes,
                           @FormParam("note") String note) {
        review.redact(id, new NewRedaction(paragraph, start, end, list(codes), note, version), reader.get());
        return back(id, paragraph);
    }

    @POST
    @Path("/{id}/redactions/{rid}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unredact(@PathParam("id") long id, @PathParam("rid") long rid,
                             @FormParam("version") Long version) {
        review.unredact(id, rid, version, reader.get());
        return back(id, null);
    }

    /** Accepts a suggested redaction from the review screen, with its suggested code. */
    @POST
    @Path("/{id}/suggestions/{sid}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptSuggestion(@PathParam("id") long id, @PathParam("sid") String sid,
                                     @FormParam("version") Long version, @FormParam("paragraph") String paragraph) {
        review.acceptSuggestion(id, sid, new ReviewRequests.SuggestionDecision(version, null, null, null),
                reader.get());
        return back(id, paragraph);
    }

    /** Rejects a suggested redaction from the review screen, with the reason typed there. */
    @POST
    @Path("/{id}/suggestions/{sid}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rejectSuggestion(@PathParam("id") long id, @PathParam("sid") String sid,
                                     @FormParam("version") Long version, @FormParam("reason") String reason,
                                     @FormParam("paragraph") String paragraph) {
        review.rejectSuggestion(id, sid, new ReviewRequests.SuggestionDecision(version, reason, null, null),
                reader.get());
        return back(id, paragraph);
    }

    /**
     * The one-click fix of a finding, from the cable page or the review screen ({@code back=review}): through the review aggregate like any marking change
     * (the claimant, IN_REVIEW, the version the page was rendered with); a refusal renders the error page with its
     * reason.
     */
    @POST
    @Path("/{id}/findings/{code}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response applyFix(@PathParam("id") long id, @PathParam("code") String code,
                             @FormParam("version") Long version, @FormParam("paragraph") Integer paragraph,
                             @FormParam("back") String back) {
        review.applyFix(id, code, paragraph, version, reader.get());
        if ("review".equals(back)) { // applied from the review screen: back there
            return Response.seeOther(URI.create("/review/" + id)).build();
        }
        return Response.seeOther(URI.create("/cables/" + id + "#findings")).build();
    }

    /**
     * Back to the review screen, at the paragraph's anchor. The address is the one the service accepted (it trims);
     * only letters, digits and dashes go into the anchor, so that no address the form sent (a trailing space, a
     * '#') can make the redirect fail after the change was stored.
     */
    static Response back(long id, String paragraph) {
        String anchor = paragraph == null ? "" : ANCHOR_UNSAFE.matcher(paragraph.trim().replace('.', '-'))
                .replaceAll("");
        return Response.seeOther(URI.create("/review/" + id + (anchor.isEmpty() ? "" : "#para-" + anchor))).build();
    }

    private static final java.util.regex.Pattern ANCHOR_UNSAFE = java.util.regex.Pattern.compile("[^A-Za-z0-9-]");

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("the date " + value.trim() + " is not yyyy-mm-dd");
        }
    }
}
