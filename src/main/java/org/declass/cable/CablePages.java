package org.declass.cable;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.declass.audit.AuditService;
import org.declass.audit.CableAuditSection;
import org.declass.paging.PageRequest;
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
    AuditService audit;

    @Inject
    MainAction.Decider mainAction;

    @Inject
    RelatedCables.Finder relatedCables;

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

        /**
         * @param audit      the cable's history and redaction index; null unless the reader is an auditor or admin
         * @param action     the one main action for this reader, or null
         * @param redactions the proposed redactions, only those {@link CableView} gives this reader
         * @param related    the related cables this reader may know of
         */
        static native TemplateInstance detail(CableView cable, CableAuditSection audit, boolean mayApply,
                                              MainAction action, List<RedactionLine> redactions,
                                              RelatedCables related);
    }

    /**
     * A proposed redaction as the cable page lists it: the portion, the words it covers (the reader may read that
     * portion, else {@link CableView} would not give it), its codes and who proposed it.
     */
    public record RedactionLine(int paragraph, String address, String text, List<String> codes, String by) {
    }

    static List<RedactionLine> redactionLines(CableView view) {
        java.util.Map<Integer, String> texts = new java.util.HashMap<>();
        for (CableView.ParagraphView p : view.paragraphs()) {
            if (!p.withheld() && p.text() != null) {
                texts.put(p.seq(), p.text());
            }
        }
        List<RedactionLine> out = new java.util.ArrayList<>();
        for (CableView.RedactionView r : view.redactions()) {
            String text = texts.get(r.paragraph());
            String words = text == null || r.paragraph() == 0 ? null
                    : text.substring(Math.min(r.start(), text.length()), Math.min(r.end(), text.length()));
            out.add(new RedactionLine(r.paragraph(), r.address(), words, r.codes(), r.createdBy()));
        }
        return out;
    }

    @GET
    public TemplateInstance list(@QueryParam("level") String level, @QueryParam("origin") String origin,
                                 @QueryParam("state") String state, @QueryParam("q") String q,
                                 @QueryParam("hasErrors") Boolean hasErrors, @QueryParam("rule") String rule,
                                 @QueryParam("sort") String sort,
                                 @QueryParam("page") String page) {
        PageRequest paging = PageRequest.of(page, null, 50);
        CableQuery query = CableResource.query(level, origin, state, q, hasErrors, rule, sort, paging.page(),
                paging.size());
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
        CableAuditSection history = reader.get().hasAnyRole(Roles.AUDITOR, Roles.ADMIN)
                ? audit.cableSection(id, reader.get()) : null;
        // the one-click fixes go through the review aggregate (POST /review/{id}/findings/{code}/apply): offered to
        // the claimant of a cable in review, the only person who may apply them
        boolean mayApply = reader.get().hasRole(Roles.REVIEWER) && WorkflowState.IN_REVIEW.name().equals(view.state())
                && reader.get().username().equals(view.assignee());
        return Templates.detail(view, history, mayApply, mainAction.of(view, reader.get()), redactionLines(view),
                relatedCables.of(id, reader.get()));
    }
}
