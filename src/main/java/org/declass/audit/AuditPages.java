package org.declass.audit;

import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.paging.PageRequest;
import org.declass.security.CurrentReader;

/** The audit pages: query the trail, verify it. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    @Inject
    AuditService audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentReader reader;

    /**
     * The filter values, echoed back into the form and the paging links. {@code cable} is a cable's id or its
     * reference id, as typed; {@code reads} shows the reads of classified text (PORTIONS_READ, ORIGINAL_READ), which
     * the page hides by default; {@code error} names a filter value that matched nothing (shown by the field).
     */
    public record Filters(String cable, String user, String action, String code, String from, String to,
                          boolean reads, String error) {
        public String query(int page) {
            StringBuilder sb = new StringBuilder("?page=").append(page);
            append(sb, "cable", cable);
            append(sb, "user", user);
            append(sb, "action", action);
            append(sb, "code", code);
            append(sb, "from", from);
            append(sb, "to", to);
            if (reads) {
                sb.append("&reads=on");
            }
            return sb.toString();
        }

        /** The same filters for the export API, whose default shows the reads. */
        public String exportQuery() {
            String q = query(0).substring("?page=0".length()).replace("&reads=on", "");
            return (q + (reads ? "" : "&reads=false")).replaceFirst("^&", "?");
        }
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null && !value.isBlank()) {
            sb.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(AuditPage page, Filters filters, List<String> actions);

        static native TemplateInstance verify(VerifyReport report);
    }

    /**
     * AUDITOR or ADMIN. Checked here rather than with @RolesAllowed, which refuses on the I/O thread where the
     * error page (its layout reads the current user from the database) cannot render.
     */
    private void requireAuditor() {
        if (!identity.hasRole("AUDITOR") && !identity.hasRole("ADMIN")) {
            throw new ForbiddenException();
        }
    }

    /**
     * The trail, newest first. A cable filter naming no cable answers 404 with the same page, the filters kept and
     * "no cable with reference X" beside the field (not an error card, not an empty list).
     */
    @GET
    public Response index(@QueryParam("cable") String cable, @QueryParam("user") String user,
                          @QueryParam("action") String action, @QueryParam("code") String code,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("reads") String reads, @QueryParam("page") String page) {
        requireAuditor();
        PageRequest paging = PageRequest.of(page, null, 50);
        boolean showReads = AuditResource.showReads(reads, false);
        Long cableId;
        try {
            cableId = AuditResource.cableId(cable, audit);
        } catch (jakarta.ws.rs.NotFoundException e) {
            Filters filters = new Filters(cable, user, action, code, from, to, showReads, e.getMessage());
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.index(new AuditPage(List.of(), 0, 0, paging.size()), filters, actions())
                            .render()).build();
        }
        AuditQuery query = AuditResource.query(cableId, user, action, code, from, to, !showReads);
        return Response.ok(Templates.index(audit.page(query, paging.page(), paging.size(), reader.get()),
                new Filters(cable, user, action, code, from, to, showReads, null), actions()).render(),
                MediaType.TEXT_HTML_TYPE).build();
    }

    private static List<String> actions() {
        return Arrays.stream(AuditAction.values()).map(Enum::name).toList();
    }

    @GET
    @Path("/verify")
    public TemplateInstance verify() {
        requireAuditor();
        return Templates.verify(audit.verify(reader.get()));
    }
}
