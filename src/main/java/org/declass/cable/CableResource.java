package org.declass.cable;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.declass.marking.ClassificationLevel;
import org.declass.paging.PageRequest;
import org.declass.security.CurrentReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading cables over the API. Every signed-in user may read, within their clearance. */
@Path("/api/cables")
@Tag(name = "Cables")
@Produces(MediaType.APPLICATION_JSON)
public class CableResource {

    @Inject
    CableService cables;

    @Inject
    CurrentReader reader;

    @GET
    @Operation(summary = "List cables", description = "Paged in the database; newest first by default. page from 0,"
            + " size 1 to 200 (default 50); a page beyond the first million rows is refused (400). q searches the"
            + " reference, subject, tags and every paragraph the caller may read: words (all), \"exact phrases\","
            + " prefix*, OR, -excluded, (groups); each row then has hits [{paragraph, address, snippet}] with the hit"
            + " inside <mark>; sort=relevance orders by relevance. A query that cannot be read is a 400 naming the"
            + " problem.")
    public CablePage list(@QueryParam("level") String level, @QueryParam("origin") String origin,
                          @QueryParam("state") String state, @QueryParam("q") String q,
                          @QueryParam("hasErrors") Boolean hasErrors, @QueryParam("rule") String rule,
                          @QueryParam("sort") String sort, @QueryParam("page") String page,
                          @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size, 50);
        return cables.list(query(level, origin, state, q, hasErrors, rule, sort, paging.page(), paging.size()),
                reader.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One cable, with the portions the caller may not read withheld")
    public CableView get(@PathParam("id") long id) {
        return cables.view(id, reader.get());
    }

    @GET
    @Path("/{id}/original")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @Operation(summary = "The original text, byte-exact", description = "Only for a caller cleared for the whole cable.")
    public String original(@PathParam("id") long id) {
        return cables.original(id, reader.get());
    }

    /** Builds a query from request parameters, naming any parameter it cannot read. */
    public static CableQuery query(String level, String origin, String state, String q, Boolean hasErrors,
                                   String rule, String sort, int page, int size) {
        ClassificationLevel lvl = null;
        if (level != null && !level.isBlank()) {
            lvl = ClassificationLevel.fromName(level)
                    .orElseThrow(() -> new BadRequestException("level must be one of UNCLASSIFIED, CONFIDENTIAL,"
                            + " SECRET, TOP SECRET"));
        }
        WorkflowState st = null;
        if (state != null && !state.isBlank()) {
            try {
                st = WorkflowState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("state must be one of " + java.util.Arrays.toString(WorkflowState.values()));
            }
        }
        if (sort != null && !sort.isBlank()
                && !java.util.List.of("date", "oldest", "reference", "declass", "relevance").contains(sort)) {
            throw new BadRequestException("sort must be one of date, oldest, reference, declass, relevance");
        }
        if (q != null && !q.isBlank()) {
            try {
                CableSearch.parse(q.trim()); // a 400 naming the problem, before anything is searched
            } catch (org.declass.search.QueryProblem e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        PageRequest paging = new PageRequest(page, size); // 400 naming page or size when out of bounds
        if (rule != null && !rule.isBlank() && !rule.trim().matches("[A-Za-z]-[A-Za-z0-9-]{1,36}")) {
            throw new BadRequestException("rule must be a finding code such as R-LVL-1");
        }
        return new CableQuery(lvl, origin, st, q, hasErrors, rule, sort == null || sort.isBlank() ? null : sort,
                paging.page(), paging.size());
    }
}
