package org.declass.review;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
import org.declass.feedback.Confirmation;
import org.declass.feedback.Flash;
import org.declass.feedback.FormProblem;
import org.declass.feedback.Notice;
import org.declass.feedback.Notice.Kind;
import org.declass.security.CurrentReader;

/**
 * The reviewer's and approver's pages: work queues, the review screen and the approver screen. Every action is a
 * plain form post carrying the version the page was rendered with, answered by a redirect with a one-time message
 * ({@link Flash}); a refusal shows the same screen again with the error next to the form and the input kept
 * ({@link FormProblem}); approving, removing a redaction and a mark that raises the banner ask first
 * ({@link Confirmation}).
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

    @Inject
    Flash flash;

    @Inject
    FormProblem problem;

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
                        @FormParam("note") String note, @FormParam("override") String override,
                        @FormParam(Confirmation.FIELD) String confirm) {
        Map<String, String> input = input("version", version, "reason", reason, "code", code, "until", until,
                "note", note, "override", override);
        boolean approverScreen = action.equals("approve") || action.equals("return");
        if (action.equals("approve") && !Confirmation.confirmed(confirm)
                && reader.get().hasRole(org.declass.security.Roles.APPROVER)) {
            String ref = review.screen(id, reader.get()).cable().reference();
            return Response.ok(Confirmation.ask("Approve " + ref, "Approve " + ref + " as release authority? The"
                    + " approved version is what the public receives on its declassification date; this cannot be"
                    + " undone here.", "/review/" + id + "/approve", input, "/review/" + id + "/approve")).build();
        }
        String form = switch (action) {
            case "approve", "return", "hold" -> action;
            default -> "action";
        };
        return attempt(id, form, input, approverScreen, () -> {
            Action body = new Action(version, reason, code, date(until), note, override);
            ReviewOutcome out = switch (action) {
                case "claim" -> review.claim(id, body, reader.get());
                case "submit" -> review.submit(id, body, reader.get());
                case "approve" -> review.approve(id, body, reader.get());
                case "return" -> review.returnToReviewer(id, body, reader.get());
                case "hold" -> review.hold(id, body, reader.get());
                default -> review.unhold(id, body, reader.get());
            };
            String next = switch (action) {
                case "submit" -> "/review?queue=mine";
                case "approve", "return" -> "/review?queue=awaiting";
                default -> "/review/" + id;
            };
            Notice notice = switch (action) {
                case "claim" -> Notice.of(Kind.CLAIMED, out.reference());
                case "submit" -> Notice.of(Kind.SUBMITTED, out.reference());
                case "approve" -> Notice.of(Kind.APPROVED, out.reference());
                case "return" -> Notice.of(Kind.RETURNED, out.reference());
                case "hold" -> Notice.of(Kind.HELD, out.reference(), code == null ? "" : code.trim());
                default -> Notice.of(Kind.UNHELD, out.reference());
            };
            return flash.seeOther(next, notice);
        });
    }

    @POST
    @Path("/{id}/paragraphs/{number}/marking")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response marking(@PathParam("id") long id, @PathParam("number") String number,
                            @FormParam("version") Long version, @FormParam("level") String level,
                            @FormParam("controls") String controls, @FormParam("reason") String reason,
                            @FormParam("override") String override, @FormParam(Confirmation.FIELD) String confirm) {
        Map<String, String> input = input("version", version, "level", level, "controls", controls,
                "reason", reason, "override", override);
        String address = number == null ? "" : number.trim();
        String raised = review.bannerRaisedBy(id, level, controls, reader.get());
        String mark = "(" + (level == null ? "" : level.trim().toUpperCase(java.util.Locale.ROOT))
                + (controls == null || controls.isBlank() ? "" : "//" + controls.trim()) + ")";
        if (raised != null && !Confirmation.confirmed(confirm)) {
            return Response.ok(Confirmation.ask("Raise the banner", "Marking paragraph " + address + " " + mark
                    + " raises the cable's banner above " + raised + ". Readers cleared only to " + raised
                    + " will no longer read the whole cable. Raise it?", "/review/" + id + "/paragraphs/"
                    + address + "/marking", input, "/review/" + id)).build();
        }
        return attempt(id, "mark:" + address, input, false, () -> {
            ReviewOutcome out = review.remark(id, number, new MarkingChange(level, list(controls), reason, override,
                    null, version), reader.get());
            Notice notice = raised != null && !raised.equals(out.banner())
                    ? Notice.of(Kind.MARKED_BANNER, out.reference(), address, mark, raised, out.banner())
                    : Notice.of(Kind.MARKED, out.reference(), address, mark);
            return back(id, number, notice);
        });
    }

    @POST
    @Path("/{id}/paragraphs/{number}/disposition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disposition(@PathParam("id") long id, @PathParam("number") String number,
                                @FormParam("version") Long version, @FormParam("disposition") String disposition,
                                @FormParam("codes") String codes, @FormParam("note") String note) {
        String address = number == null ? "" : number.trim();
        return attempt(id, "disp:" + address, input("version", version, "disposition", disposition, "codes", codes,
                "note", note), false, () -> {
            ReviewOutcome out = review.dispose(id, number, new DispositionChange(disposition, list(codes), note,
                    version), reader.get());
            String decided = "WITHHOLD".equalsIgnoreCase(disposition == null ? "" : disposition.trim())
                    ? "withheld in full under " + String.join(", ", list(codes)) : "released";
            return back(id, number, Notice.of(Kind.DECIDED, out.reference(), address, decided));
        });
    }

    @POST
    @Path("/{id}/redactions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redact(@PathParam("id") long id, @FormParam("version") Long version,
                           @FormParam("paragraph") String paragraph, @FormParam("start") Integer start,
                           @FormParam("end") Integer end, @FormParam("codes") String codes,
                           @FormParam("note") String note) {
        return attempt(id, "redact", input("version", version, "paragraph", paragraph, "start", start, "end", end,
                "codes", codes, "note", note), false, () -> {
            ReviewOutcome out = review.redact(id, new NewRedaction(paragraph, start, end, list(codes), note, version),
                    reader.get());
            return back(id, paragraph, Notice.of(Kind.REDACTED, out.reference(),
                    paragraph == null ? "" : paragraph.trim(), String.join(", ", list(codes))));
        });
    }

    @POST
    @Path("/{id}/redactions/{rid}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unredact(@PathParam("id") long id, @PathParam("rid") long rid,
                             @FormParam("version") Long version, @FormParam(Confirmation.FIELD) String confirm) {
        Map<String, String> input = input("version", version);
        if (!Confirmation.confirmed(confirm)) {
            return Response.ok(Confirmation.ask("Remove the redaction", "Remove this redaction? The text it covers"
                    + " will be released unless another redaction or a withholding covers it.",
                    "/review/" + id + "/redactions/" + rid + "/delete", input, "/review/" + id)).build();
        }
        return attempt(id, "unredact:" + rid, input, false, () -> {
            ReviewOutcome out = review.unredact(id, rid, version, reader.get());
            return back(id, null, Notice.of(Kind.UNREDACTED, out.reference()));
        });
    }

    /** Adopts the dispositions and redactions of a duplicate ("Related cables" on the review screen). */
    @POST
    @Path("/{id}/adopt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response adopt(@PathParam("id") long id, @FormParam("version") Long version, @FormParam("from") Long from) {
        return attempt(id, "adopt", input("version", version, "from", from), false, () -> {
            if (from == null) {
                throw new InvalidRequest("from is required: the cable whose decisions to adopt");
            }
            ReviewOutcome out = review.adoptDecisions(id, from, version, reader.get());
            return back(id, null, Notice.of(Kind.ADOPTED, out.reference(), cableReference(from)));
        });
    }

    private String cableReference(long id) {
        return review.referenceOf(id);
    }

    /** Accepts a suggested redaction from the review screen, with its suggested code. */
    @POST
    @Path("/{id}/suggestions/{sid}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptSuggestion(@PathParam("id") long id, @PathParam("sid") String sid,
                                     @FormParam("version") Long version, @FormParam("paragraph") String paragraph) {
        return attempt(id, "accept:" + sid, input("version", version, "paragraph", paragraph), false, () -> {
            ReviewOutcome out = review.acceptSuggestion(id, sid,
                    new ReviewRequests.SuggestionDecision(version, null, null, null), reader.get());
            return back(id, paragraph, Notice.of(Kind.SUGGESTION_ACCEPTED, out.reference(),
                    paragraph == null ? "" : paragraph.trim()));
        });
    }

    /** Rejects a suggested redaction from the review screen, with the reason typed there. */
    @POST
    @Path("/{id}/suggestions/{sid}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rejectSuggestion(@PathParam("id") long id, @PathParam("sid") String sid,
                                     @FormParam("version") Long version, @FormParam("reason") String reason,
                                     @FormParam("paragraph") String paragraph) {
        return attempt(id, "reject:" + sid, input("version", version, "reason", reason, "paragraph", paragraph),
                false, () -> {
                    ReviewOutcome out = review.rejectSuggestion(id, sid,
                            new ReviewRequests.SuggestionDecision(version, reason, null, null), reader.get());
                    return back(id, paragraph, Notice.of(Kind.SUGGESTION_REJECTED, out.reference()));
                });
    }

    /**
     * The one-click fix of a finding, from the cable page or the review screen ({@code back=review}): through the
     * review aggregate like any marking change (the claimant, IN_REVIEW, the version the page was rendered with); a
     * refusal goes back to that page with its reason as the page's message.
     */
    @POST
    @Path("/{id}/findings/{code}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response applyFix(@PathParam("id") long id, @PathParam("code") String code,
                             @FormParam("version") Long version, @FormParam("paragraph") Integer paragraph,
                             @FormParam("back") String back) {
        // applied from the review screen: back there
        String location = "review".equals(back) ? "/review/" + id : "/cables/" + id + "#findings";
        try {
            ReviewOutcome out = review.applyFix(id, code, paragraph, version, reader.get());
            return flash.seeOther(location, Notice.of(Kind.FIXED, out.reference(), code));
        } catch (RuntimeException e) {
            if (FormRefusals.status(e) == 0 || e instanceof org.declass.cable.CableNotFound) {
                throw e;
            }
            return flash.seeOther(location, Notice.of(Kind.NOT_DONE, FormRefusals.message(e)));
        }
    }

    /**
     * Runs a form's action; when the service refuses it (400, 403, 404, 409), shows the same screen again with the
     * refusal next to the form and the input kept, and for a stale tab what changed meanwhile. Anything else (an
     * unknown cable, a screen the reader may not see) goes to the error page as before.
     */
    private Response attempt(long id, String form, Map<String, String> input, boolean approverScreen,
                             Supplier<Response> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            int status = FormRefusals.status(e);
            if (status == 0) {
                throw e;
            }
            ReviewScreen screen;
            try {
                screen = review.screen(id, reader.get());
            } catch (RuntimeException unreadable) {
                throw e;
            }
            problem.refused(form, status, FormRefusals.message(e), input);
            if (FormRefusals.stale(e)) {
                CableViewFacts now = new CableViewFacts(screen);
                problem.markStale(now.changed(input.get("version")),
                        "/review/" + id + (approverScreen ? "/approve" : ""));
            }
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                    .entity(approverScreen ? Templates.approve(screen) : Templates.review(screen)).build();
        }
    }

    /** What a stale tab missed: the cable's version, state and claimant now. */
    private record CableViewFacts(ReviewScreen screen) {
        String changed(String sentVersion) {
            var c = screen.cable();
            return "it is now at version " + c.version() + (sentVersion == null ? "" : " (you opened version "
                    + sentVersion + ")") + ", " + c.state().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                    + (c.assignee() == null ? ", claimed by nobody" : ", claimed by " + c.assignee());
        }
    }

    /** The form's fields as sent, in order, for the page that shows them again (nulls left out). */
    static Map<String, String> input(Object... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put((String) pairs[i], String.valueOf(pairs[i + 1]));
            }
        }
        return out;
    }

    private Response back(long id, String paragraph, Notice notice) {
        return flash.seeOther(back(id, paragraph).getLocation().toString(), notice);
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
