package org.declass.bulk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.declass.review.ExemptionCode;
import org.declass.review.InvalidRequest;
import org.declass.review.ReviewService;
import org.declass.security.CurrentReader;

/**
 * "Redact all" from the review screen, as plain forms: a GET previews the occurrences of a phrase or pattern in one
 * cable or across the cables a search selects; a POST redacts the ones ticked, with codes and a note; a POST undoes
 * the operation. Works without JavaScript.
 */
@Path("/redact-all")
@Produces(MediaType.TEXT_HTML)
public class BulkPages {

    @Inject
    BulkService bulk;

    @Inject
    ReviewService review;

    @Inject
    CurrentReader reader;

    /**
     * What the preview was asked for, carried to the apply form.
     *
     * @param kind  "phrase" or "pattern"
     * @param scope "cable" (this cable) or "search" (the cables q selects)
     */
    public record Request(String text, String kind, Long cable, String scope, String q) {

        public boolean isPattern() {
            return "pattern".equals(kind);
        }

        public boolean isSearch() {
            return "search".equals(scope);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preview(Request request, BulkPreview preview, List<ExemptionCode> codes);

        static native TemplateInstance result(BulkResult result, Long back);
    }

    @GET
    public TemplateInstance preview(@QueryParam("text") String text, @QueryParam("kind") String kind,
                                    @QueryParam("cable") Long cable, @QueryParam("scope") String scope,
                                    @QueryParam("q") String q) {
        Request r = new Request(text, "pattern".equals(kind) ? "pattern" : "phrase", cable,
                "search".equals(scope) ? "search" : "cable", q);
        BulkPreview preview = bulk.preview(body(r, null, null, true, null), reader.get());
        return Templates.preview(r, preview, review.exemptionCodes());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance apply(@FormParam("text") String text, @FormParam("kind") String kind,
                                  @FormParam("cable") Long cable, @FormParam("accept") List<String> accept,
                                  @FormParam("codes") String codes, @FormParam("note") String note) {
        Request r = new Request(text, "pattern".equals(kind) ? "pattern" : "phrase", cable, "cable", null);
        List<BulkRequest.Accepted> chosen = new ArrayList<>();
        for (String key : accept == null ? List.<String>of() : accept) {
            chosen.add(accepted(key));
        }
        BulkResult result = bulk.apply(body(r, list(codes), note, false, chosen), reader.get());
        return Templates.result(result, cable);
    }

    @POST
    @Path("/{operation}/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance undo(@PathParam("operation") String operation, @FormParam("cable") Long cable) {
        BulkResult result = bulk.undo(operation, reader.get())
                .orElseThrow(() -> new NotFoundException("there is no such bulk operation"));
        return Templates.result(result, cable);
    }

    private static BulkRequest body(Request r, List<String> codes, String note, boolean preview,
                                    List<BulkRequest.Accepted> accept) {
        List<Long> cables = r.isSearch() || r.cable() == null ? null : List.of(r.cable());
        String q = r.isSearch() ? (r.q() == null ? "" : r.q()) : null;
        if (r.isSearch() && q.isBlank()) {
            throw new InvalidRequest("type a search that selects the cables to look in");
        }
        return new BulkRequest(r.isPattern() ? r.text() : null, r.isPattern() ? null : r.text(), cables, q, codes,
                note, preview, accept);
    }

    /** A ticked occurrence: "cable:paragraph:start:end:version", as {@link BulkPreview.Occurrence#key} wrote it. */
    private static BulkRequest.Accepted accepted(String key) {
        String[] p = key == null ? new String[0] : key.split(":");
        try {
            if (p.length == 5) {
                return new BulkRequest.Accepted(Long.valueOf(p[0]), p[1], Integer.valueOf(p[2]),
                        Integer.valueOf(p[3]), Long.valueOf(p[4]));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequest("an accepted occurrence must be cable:paragraph:start:end:version");
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
