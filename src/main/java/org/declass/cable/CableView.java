package org.declass.cable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.declass.marking.Finding;
import org.declass.marking.Marking;

/**
 * A cable as one reader may see it: portions (paragraphs and header portions) the reader may not read carry a
 * placeholder instead of their text and heading; offsets of paragraphs, and the original's size and SHA-256, go only
 * to a reader who may read the whole cable (they would tell a hidden portion's length, or confirm a guess of it). Built only by {@link CableService#view}, which asks the access policy for every portion.
 */
public record CableView(
        Long id,
        String reference,
        String origin,
        String serial,
        LocalDate date,
        MarkingView classification,
        String banner,
        boolean partial,
        int sections,
        List<String> captions,
        DeclassificationView declassification,
        List<String> tags,
        List<String> tagKinds,
        String subject,
        MarkingView subjectMarking,
        boolean subjectWithheld,
        List<ReferenceView> references,
        List<ClassifiedByView> classifiedBy,
        List<String> reasons,
        MarkingView entireText,
        List<ParagraphView> paragraphs,
        List<Finding> findings,
        String state,
        long version,
        boolean fullyReadable,
        int withheldCount,
        Integer sizeBytes,
        String sha256,
        Instant ingestedAt,
        String ingestedBy,
        String assignee,
        WorkflowView workflow,
        List<DispositionView> dispositions,
        List<RedactionView> redactions,
        ReleaseView release,
        List<HeaderPortionView> headerPortions,
        List<ProposalView> proposals,
        List<String> signers,
        List<String> recipients,
        List<String> infoRecipients) {

    /**
     * A REF item (issue 16).
     *
     * @param raw     the item as written
     * @param id      the canonical id of the (first) cable it names, or null when it names none
     * @param cableId the stored cable with that id, only when this reader is cleared for that cable's marking
     * @param ids     every cable the item names, canonical ids in order
     */
    public record ReferenceView(String raw, String id, Long cableId, List<String> ids) {
    }

    /**
     * A pending lowered marking (a proposal until approval): the portion is served at its effective marking until
     * an approver approves the cable. Only for portions the reader may read.
     */
    public record ProposalView(int paragraph, String address, MarkingView proposed, String proposedBy) {
    }

    /**
     * A header portion (subject, ref, classified-by, tags) as this reader may see it.
     *
     * @param marking     the portion mark the disclosure decision applied, e.g. "(S//NF)"
     * @param lines       its text, one entry a line (classified-by: the CLASSIFIED BY line, then the REASON line);
     *                    empty when withheld
     * @param placeholder the placeholder shown in its place when withheld, else null
     * @param disposition the review's decision (RELEASE, WITHHOLD) or null; null too when withheld from this reader
     */
    public record HeaderPortionView(String name, String marking, boolean withheld, String placeholder,
                                    List<String> lines, String disposition, List<String> codes, String note) {
    }

    /**
     * The effective release date (issue 7) and how it was derived; {@code derivation} is null for a reader not
     * cleared for the cable's header (it may quote the instruction's event).
     *
     * @param date             null when never released automatically (an event nobody has recorded)
     * @param due              the date has come (by the server clock)
     * @param eventInstruction the instruction names an event, which an approver may record as occurred
     */
    public record ReleaseView(LocalDate date, String basis, String basisLabel, String derivation, boolean due,
                              boolean eventInstruction, LocalDate eventOccurredOn, String eventRecordedBy) {
    }

    /**
     * Where the review stands. Reasons are given only to a reader who may read the cable's header.
     *
     * @param allowedActions the actions the cable's state allows (who may take them is another matter)
     */
    public record WorkflowView(List<String> allowedActions, String approvedBy, Instant approvedAt,
                               String returnedReason, String holdCode, String holdReason, LocalDate holdUntil,
                               String heldFrom) {
    }

    /** A paragraph's release decision; only for paragraphs the reader may read. */
    public record DispositionView(int paragraph, String address, String disposition, List<String> codes,
                                  String note) {
    }

    /**
     * A proposed redaction, in characters of the paragraph's text (or of a header portion's: paragraph 0, address
     * "subject", "ref", ...); only for portions the reader may read.
     */
    public record RedactionView(long id, int paragraph, String address, int start, int end, List<String> codes,
                                String note, String createdBy, Instant createdAt) {
    }

    public record MarkingView(String level, List<String> controls, String banner, String portionMark) {
        public static MarkingView of(Marking m) {
            return m == null ? null
                    : new MarkingView(m.level().displayName(), m.controls(), m.banner(), m.portionMark());
        }
    }

    public record DeclassificationView(String raw, String kind, String order, LocalDate date,
                                       List<String> exemptions, String event) {
    }

    public record ClassifiedByView(String name, String title, String office) {
    }

    /**
     * @param marking          the mark written on the paragraph, or null when it has none
     * @param effectiveMarking the marking the access policy applied
     * @param text             null when withheld
     * @param placeholder      "[withheld: (S) portion]" when withheld, else null
     */
    public record ParagraphView(int seq, Integer number, String sub, String heading, MarkingView marking,
                                MarkingView effectiveMarking, boolean withheld, String placeholder, String text,
                                Integer start, Integer end) {
    }
}
