package org.declass.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.declass.paging.PageRequest;
import org.declass.security.CurrentReader;
import org.declass.security.Reader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The trail over the API, for auditors and administrators (role names as in security.Roles). Every entry is shown
 * as the reader may see it: notes, reasons and span offsets of what the reader may not read are withheld.
 */
@Path("/api/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"AUDITOR", "ADMIN"})
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    CurrentReader reader;

    @GET
    @Operation(summary = "Query the trail", description = "Filters by cable (its id, or its reference id such as"
            + " 01TASHKENT2204; an unknown reference is a 404 \"no cable with reference ...\"), user, action,"
            + " exemption code and date range (from inclusive, to inclusive for a date, exclusive for an instant);"
            + " reads=false leaves out the reads of classified text (PORTIONS_READ, ORIGINAL_READ; shown by default);"
            + " newest first, paged (page from 0, size 1 to 200, default 50).")
    public AuditPage list(@QueryParam("cable") String cable, @QueryParam("user") String user,
                          @QueryParam("action") String action, @QueryParam("code") String code,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("reads") String reads,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size, 50);
        return audit.page(query(cableId(cable), user, action, code, from, to, !showReads(reads, true)),
                paging.page(), paging.size(), reader.get());
    }

    /** The cable filter: blank for none, digits for an id, otherwise a reference id the trail must know. */
    Long cableId(String cable) {
        return cableId(cable, audit);
    }

    static Long cableId(String cable, AuditService audit) {
        if (cable == null || cable.isBlank()) {
            return null;
        }
        String v = cable.trim();
        if (v.matches("\\d{1,18}")) {
            return Long.parseLong(v);
        }
        if (v.length() > 64) {
            throw new BadRequestException("cable must be a cable's id or its reference id (such as 01TASHKENT2204)");
        }
        // a plain NotFoundException (404 with this message), which the audit page catches to show beside the field
        return audit.cableIdOf(v).orElseThrow(() -> new NotFoundException("no cable with reference " + v));
    }

    /** "true"/"show"/"on" or "false"/"hide"/"off"; blank for the default. */
    static boolean showReads(String reads, boolean byDefault) {
        if (reads == null || reads.isBlank()) {
            return byDefault;
        }
        return switch (reads.trim().toLowerCase(Locale.ROOT)) {
            case "true", "show", "on", "yes" -> true;
            case "false", "hide", "off", "no" -> false;
            default -> throw new BadRequestException("reads must be true (show the reads of classified text) or"
                    + " false (hide them)");
        };
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Verify the hash chain and the signed checkpoints")
    public VerifyReport verify() {
        return audit.verify(reader.get());
    }

    @GET
    @Path("/checkpoints")
    @Operation(summary = "The signed checkpoints, oldest first (for verification outside the server)")
    public List<AuditCheckpointView> checkpoints() {
        return audit.checkpoints().stream().map(AuditCheckpointView::of).toList();
    }

    /** A checkpoint with its time in the canonical format, as signed. */
    public record AuditCheckpointView(long seq, String headHash, String at, String signature, String keyId) {
        static AuditCheckpointView of(AuditCheckpoint c) {
            return new AuditCheckpointView(c.seq(), c.headHash(), AuditChain.formatAt(c.at()), c.signature(),
                    c.keyId());
        }
    }

    @GET
    @Path("/cables/{id}/redactions")
    @Operation(summary = "The redaction index of a cable: paragraph, span, codes, redactor, reason, approver",
            description = "The span and reason of a redaction on a paragraph the reader may not read are withheld"
                    + " (withheld: true; the reason is a placeholder naming the paragraph's level).")
    public List<RedactionIndexRow> redactionIndex(@PathParam("id") long id) {
        return audit.redactionIndex(id, reader.get());
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "Export matching entries as CSV, oldest first, streamed")
    public Response exportCsv(@QueryParam("cable") String cable, @QueryParam("user") String user,
                              @QueryParam("action") String action, @QueryParam("code") String code,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("reads") String reads) {
        return export(query(cableId(cable), user, action, code, from, to, !showReads(reads, true)),
                AuditService.Format.CSV, "csv");
    }

    @GET
    @Path("/export.jsonl")
    @Produces("application/x-ndjson; charset=UTF-8")
    @Operation(summary = "Export matching entries as JSON Lines, oldest first, streamed")
    public Response exportJsonLines(@QueryParam("cable") String cable, @QueryParam("user") String user,
                                    @QueryParam("action") String action, @QueryParam("code") String code,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("reads") String reads) {
        return export(query(cableId(cable), user, action, code, from, to, !showReads(reads, true)),
                AuditService.Format.JSONL, "jsonl");
    }

    private Response export(AuditQuery query, AuditService.Format format, String extension) {
        Reader who = reader.get(); // resolved on the request, before the body streams
        StreamingOutput body = out -> audit.export(query, format, out, who);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"audit." + extension + "\"")
                .build();
    }

    /** Builds a query from request parameters, naming any parameter it cannot read. */
    static AuditQuery query(Long cable, String user, String action, String code, String from, String to,
                            boolean withoutReads) {
        String act = null;
        if (action != null && !action.isBlank()) {
            act = action.trim().toUpperCase(Locale.ROOT);
            try {
                AuditAction.valueOf(act);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("action must be one of " + Arrays.toString(AuditAction.values()));
            }
        }
        return new AuditQuery(cable, blankToNull(user), act, blankToNull(code), time("from", from, false),
                time("to", to, true), withoutReads);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A date (yyyy-MM-dd, UTC; "to" then means the end of that day) or an instant (2026-01-31T12:00:00Z). */
    static Instant time(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date (2026-01-31) or an instant (2026-01-31T12:00:00Z)");
        }
    }
}
