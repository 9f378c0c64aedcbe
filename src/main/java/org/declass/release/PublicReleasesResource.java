package org.declass.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.paging.PageRequest;
import org.declass.redaction.CableDocument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public API of the reading room: released cables only, no sign-in. An unknown id and an unreleased cable get
 * the same 404.
 */
@Path("/api/releases")
@Tag(name = "Reading room")
public class PublicReleasesResource {

    @Inject
    ReadingRoom room;

    /** A released cable as JSON: its release facts and its frozen public document. */
    public record ReleasedCable(long id, String reference, int version, Instant releasedAt, LocalDate declassifiedOn,
                                String authority, String declassifiedBy, String sha256, String text, String pdf,
                                String page, CableDocument document) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search released cables",
            description = "q in the query language (words, \"exact phrases\", prefix*, OR, -excluded) over the released"
                    + " text only, origin, tag, date range; newest first, or sort=relevance. With q, each item has"
                    + " hits [{paragraph, snippet}] with the hit inside <mark>. A query that cannot be read is a 400"
                    + " naming the problem. page from 0, size 1 to 100 (default 20); at most 10,000 results are paged.")
    public ReleasePage list(@QueryParam("q") String q, @QueryParam("origin") String origin,
                            @QueryParam("tag") String tag, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("sort") String sort,
                            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = ReadingRoom.paging(page, size, 20);
        return room.search(ReadingRoom.Filters.of(q, origin, tag, from, to, sort), paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/pdf"})
    @Operation(summary = "One released cable: {id} as JSON, {id}.txt as text, {id}.pdf as PDF")
    public Response get(@PathParam("id") String id) {
        ViewFormat format = ViewFormat.JSON;
        String key = id;
        int dot = id.lastIndexOf('.');
        if (dot > 0) {
            format = switch (id.substring(dot + 1)) {
                case "txt" -> ViewFormat.TXT;
                case "pdf" -> ViewFormat.PDF;
                case "json" -> ViewFormat.JSON;
                default -> throw new ReleaseNotFound();
            };
            key = id.substring(0, dot);
        }
        ReadingRoom.Released r = room.find(key);
        ReleasedVersion v = r.version();
        String stem = v.getReference();
        return switch (format) {
            case TXT -> DocumentViews.ok(v.getReleasedText(), ViewFormat.TXT, stem);
            case PDF -> DocumentViews.ok(room.pdf(r), ViewFormat.PDF, stem);
            default -> DocumentViews.ok(new ReleasedCable(v.getCableId(), v.getReference(), v.getVersionNo(),
                    v.getReleasedAt(), r.document().stamp() == null ? null : r.document().stamp().on(),
                    v.getAuthority(), r.document().stamp() == null ? null : r.document().stamp().declassifiedBy(),
                    v.getSha256(), "/api/releases/" + v.getCableId() + ".txt",
                    "/api/releases/" + v.getCableId() + ".pdf", "/reading-room/" + v.getCableId(), r.document()),
                    ViewFormat.JSON, stem);
        };
    }

    static List<String> formats() {
        return List.of("json", "txt", "pdf");
    }
}
