package org.declass.cable;

import java.net.URI;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.audit.AuditService;
import org.declass.audit.CableAuditSection;
import org.declass.security.CurrentReader;
import org.declass.security.Roles;

/** The cable list and the cable page. */
@Path("/cables")
@Produces(MediaType.TEXT_HTML)
public class CablePages {

    @Inject
    CableService cables;

    @Inject
    CurrentReader reader;

    @Inject
    FindingsService findings;

    @Inject
    AuditService audit;

    /** The list's filter values, echoed back into the form. */
    public record Filters(String level, String origin, String state, String q, Boolean hasErrors, String rule,
                          String sort) {
        public String query(int page) {
            StringBuilder sb = new StringBuilder("?page=").append(page);
            append(sb, "level", level);
            append(sb, "origin", origin);
            append(sb, "state", state);
            append(sb, "q", q);
            append(sb, "rule", rule);
            append(sb, "sort", sort);
            if (Boolean.TRUE.equals(hasErrors)) {
                sb.append("&hasErrors=true");
            }
            return sb.toString();
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
        static native TemplateInstance list(CablePage page, Filters filters, List<String> origins,
                                            List<String> levels, List<String> states);

        /** @param audit the cable's history and redaction index; null unless the reader is an auditor or admin */
        static native TemplateInstance detail(CableView cable, CableAuditSection audit, boolean mayApply);
    }

    @GET
    public TemplateInstance list(@QueryParam("level") String level, @QueryParam("origin") String origin,
                                 @QueryParam("state") String state, @QueryParam("q") String q,
                                 @QueryParam("hasErrors") Boolean hasErrors, @QueryParam("rule") String rule,
                                 @QueryParam("sort") String sort,
                                 @QueryParam("page") @DefaultValue("0") int page) {
        CableQuery query = CableResource.query(level, origin, state, q, hasErrors, rule, sort, page, 50);
        return Templates.list(cables.list(query, reader.get()),
                new Filters(level, origin, state, q, hasErrors, rule, sort),
                cables.origins(),
                java.util.Arrays.stream(org.declass.marking.ClassificationLevel.values())
                        .map(org.declass.marking.ClassificationLevel::displayName).toList(),
                java.util.Arrays.stream(WorkflowState.values()).map(Enum::name).toList());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        CableView view = cables.view(id, reader.get());
        CableAuditSection history = reader.get().hasAnyRole(Roles.AUDITOR, Roles.ADMIN) ? audit.cableSection(id, reader.get()) : null;
        return Templates.detail(view, history, reader.get().hasAnyRole(Roles.REVIEWER, Roles.ADMIN));
    }

    /** The one-click fix of a finding, from the cable page; a person's decision, audited by the service. */
    @POST
    @Path("/{id}/findings/{code}/apply")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public Response applySuggestion(@PathParam("id") long id, @PathParam("code") String code,
                                    @FormParam("paragraph") Integer paragraph) {
        findings.applySuggestion(id, code, paragraph, reader.get());
        return Response.seeOther(URI.create("/cables/" + id + "#findings")).build();
    }
}
