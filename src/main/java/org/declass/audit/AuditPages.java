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

    /** The filter values, echoed back into the form and the paging links. */
    public record Filters(Long cable, String user, String action, String code, String from, String to) {
        public String query(int page) {
            StringBuilder sb = new StringBuilder("?page=").append(page);
            append(sb, "cable", cable == null ? null : cable.toString());
            append(sb, "user", user);
            append(sb, "action", action);
            append(sb, "code", code);
            append(sb, "from", from);
            append(sb, "to", to);
            return sb.toString();
        }

        public String exportQuery() {
            return query(0).substring("?page=0".length()).replaceFirst("^&", "?");
        }

        private static void append(StringBuilder sb, String name, String value) {
            if (value != null && !value.isBlank()) {
                sb.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
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

    @GET
    public TemplateInstance index(@QueryParam("cable") Long cable, @QueryParam("user") String user,
                                  @QueryParam("action") String action, @QueryParam("code") String code,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("page") String page) {
        requireAuditor();
        PageRequest paging = PageRequest.of(page, null, 50);
        AuditQuery query = AuditResource.query(cable, user, action, code, from, to);
        return Templates.index(audit.page(query, paging.page(), paging.size(), reader.get()),
                new Filters(cable, user, action, code, from, to),
                Arrays.stream(AuditAction.values()).map(Enum::name).toList());
    }

    @GET
    @Path("/verify")
    public TemplateInstance verify() {
        requireAuditor();
        return Templates.verify(audit.verify(reader.get()));
    }
}
