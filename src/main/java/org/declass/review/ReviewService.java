package org.declass.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.cable.Cable;
import org.declass.cable.CableTerms;
import org.declass.cable.FindingsService;
import org.declass.cable.CableNotFound;
import org.declass.cable.CableService;
import org.declass.cable.Disposition;
import org.declass.cable.HeaderPart;
import org.declass.cable.HeaderPortion;
import org.declass.cable.HeaderPortions;
import org.declass.cable.Paragraph;
import org.declass.cable.Redaction;
import org.declass.cable.WorkflowState;
import org.declass.marking.ClassificationLevel;
import org.declass.marking.Finding;
import org.declass.marking.Marking;
import org.declass.review.ReviewRequests.Action;
import org.declass.review.ReviewRequests.DispositionChange;
import org.declass.review.ReviewRequests.MarkingChange;
import org.declass.review.ReviewRequests.NewRedaction;
import org.declass.security.Classification;
import org.declass.security.Disclosure;
import org.declass.security.NotCleared;
import org.declass.security.Reader;
import org.declass.security.Roles;
import org.declass.suggest.Detectors;
import org.declass.suggest.Rejections;
import org.declass.suggest.Suggestion;

/**
 * The review use cases, one transaction each: load the cable under a row lock, check role, clearance, version,
 * state and claimant, call the cable's intent method, record one audit entry. A stale version or a lost race
 * answers 409 and changes nothing.
 */
@ApplicationScoped
public class ReviewService {

    private static final Set<String> KNOWN_CONTROLS = Set.of(Marking.NOFORN, Marking.EXDIS, Marking.NODIS,
            Marking.SBU, Marking.FOUO, Marking.LOU, "ORCON");

    @Inject
    EntityManager em;

    @Inject
    CableService cables;

    @Inject
    Disclosure policy;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Clock clock;

    @Inject
    FindingsService findings;

    @Inject
    TwoPersonRule twoPersonRule;

    @Inject
    Rejections rejections;

    /** The detectors of suggested redactions: pure and thread-safe, one set for the application. */
    private static final Detectors DETECTORS = new Detectors();

    // ---------------------------------------------------------------- reviewer

    /** A reviewer takes a NEW cable, or resumes a RETURNED one that is theirs. */
    @Transactional
    public ReviewOutcome claim(long id, Action body, Reader reader) {
        requireRole(reader, Roles.REVIEWER, "claim a cable");
        Cable c = open(id, body.version(), reader, "claim");
        if (c.getState() == WorkflowState.RETURNED && c.getAssignee() != null
                && !c.getAssignee().equals(reader.username())) {
            throw new TransitionNotAllowed("cable " + c.getReference() + " was returned to " + c.getAssignee()
                    + ", who resumes it; one claimant at a time");
        }
        WorkflowState before = c.getState();
        c.claimBy(reader.username());
        return changed(c, reader, stateChange(c, reader, before, before == WorkflowState.NEW ? "claimed" : "resumed",
                body.note()));
    }

    /**
     * Confirms or changes a paragraph's portion marking; the banner is recomputed from all portions. A change needs a
     * reason; confirming the mark the paragraph already carries (same level and controls, no pending proposal) does
     * not (the audit entry says "confirmed unchanged"). An {@code override} reason is recorded for markings the validator refuses (see
     * {@link #checkMarkingRules}). A lowered marking is a proposal until approval ({@link Cable#remark}): every
     * reader is served the higher of the old and the proposed marking until {@link #approve} applies it.
     */
    @Transactional
    public ReviewOutcome remark(long id, String address, MarkingChange body, Reader reader) {
        java.util.Optional<HeaderPart> header = HeaderPart.byAddress(address);
        if (header.isPresent()) {
            return remarkHeader(id, header.get(), body, reader);
        }
        requireRole(reader, Roles.REVIEWER, "mark a paragraph");
        Cable c = open(id, body.version(), reader, "mark");
        requireClaimant(c, reader);
        Paragraph p = paragraph(c, address);
        Marking mark = marking(body.level(), body.controls());
        String reason = unchanged(p, mark) && blank(body.reason()) ? "confirmed unchanged"
                : required(body.reason(), "a reason for changing the marking");
        if (!policy.mayAssign(reader, Classification.of(mark))) {
            throw new NotCleared("you may not mark a portion " + mark.portionMark() + ": your clearance is "
                    + reader.describeClearance());
        }
        checkMarkingRules(c, p, mark, body.override());
        // the tags' words carry the cable's marking, which follows the banner (issue 14, part 3)
        List<CableTerms.Term> termsBefore = CableTerms.of(c);
        Marking before = p.getMark();
        String bannerBefore = c.getBanner();
        boolean applied = c.remark(p, mark, reader.username());
        findings.revalidate(c.getId());
        participates(c, reader);
        String note = reason
                + (applied ? "" : "; proposed: a lowered marking takes effect when the cable is approved, until then"
                        + " it is served as " + p.getEffectiveMarking().portionMark())
                + (bannerBefore.equals(c.getBanner()) ? "" : "; banner " + bannerBefore + " -> " + c.getBanner())
                + (blank(body.override()) ? "" : "; override: " + body.override().trim())
                + (blank(body.note()) ? "" : "; note: " + body.note().trim());
        ReviewOutcome out = changed(c, reader, event(reader, AuditAction.MARKING_CHANGED, c).paragraph(p.getSeq())
                .marking(before == null ? "unmarked" : before.portionMark(), mark.portionMark()).note(note));
        cables.reindexIfChanged(c, termsBefore);
        return out;
    }

    /**
     * Whether {@code mark} is what the paragraph already carries: a written mark of the same level and controls, and
     * no pending lowered marking (confirming then would drop the proposal, a change).
     */
    static boolean unchanged(Paragraph p, Marking mark) {
        Marking before = p.getMark();
        return before != null && p.getProposal() == null && before.level() == mark.level()
                && java.util.Set.copyOf(before.controls()).equals(java.util.Set.copyOf(mark.controls()));
    }

    /**
     * The marking validator's gate (issue 8): called with the cable, the paragraph and its proposed mark before
     * anything changes. Refuses a change that would create an ERROR finding, with that finding as the message,
     * unless {@code override} gives a reason (which {@link #remark} writes into the audit entry).
     */
    void checkMarkingRules(Cable cable, Paragraph paragraph, Marking proposed, String override) {
        List<Finding> errors = findings.wouldCreateErrors(cable.getId(), paragraph.getSeq(), proposed);
        if (!errors.isEmpty() && blank(override)) {
            Finding first = errors.get(0);
            throw new MarkingRefused(first.code() + ": " + first.message()
                    + "; give an override reason to mark it so anyway");
        }
    }

    /**
     * Raises a header portion's marking (subject, ref, classified-by, tags). Only raising: a lower marking than the
     * portion has answers 400 (a lowered paragraph marking is a proposal until approval; header portions have no
     * proposals). The subject's marking is part of the banner's roll-up, so the banner follows; the other header
     * portions carry the cable's marking, so raising them above the banner is refused (400): raise the cable's
     * marking.
     */
    private ReviewOutcome remarkHeader(long id, HeaderPart part, MarkingChange body, Reader reader) {
        requireRole(reader, Roles.REVIEWER, "mark a header portion");
        Cable c = open(id, body.version(), reader, "mark");
        requireClaimant(c, reader);
        Marking mark = marking(body.level(), body.controls());
        String reason = required(body.reason(), "a reason for the marking");
        if (!policy.mayAssign(reader, Classification.of(mark))) {
            throw new NotCleared("you may not mark a portion " + mark.portionMark() + ": your clearance is "
                    + reader.describeClearance());
        }
        HeaderPortions portions = cables.headerPortions(c);
        if (!portions.has(part)) {
            throw new ParagraphNotFound("cable " + c.getReference() + " has no " + part.address() + " line");
        }
        Classification current = portions.classification(part);
        Classification wanted = Classification.of(mark);
        if (!wanted.atLeast(current).equals(wanted)) {
            throw new MarkingRefused("the " + part.address() + " is marked (" + current.mark() + "); a header"
                    + " portion's marking may only be raised here, not lowered to " + mark.portionMark());
        }
        Classification banner = Classification.of(c.getLevel(),
                c.isForeignRestricted());
        if (part != HeaderPart.SUBJECT && !banner.atLeast(wanted).equals(banner)) {
            throw new MarkingRefused("the " + part.address() + " carries the cable's marking " + c.getBanner()
                    + "; it cannot be marked " + mark.portionMark() + " above the banner: raise the cable's marking");
        }
        List<CableTerms.Term> termsBefore = CableTerms.of(c);
        String bannerBefore = c.getBanner();
        if (part == HeaderPart.SUBJECT) {
            c.raiseSubjectMarking(mark);
        }
        headerRow(c, part).raise(mark);
        participates(c, reader);
        String note = part.address() + ": " + reason
                + (bannerBefore.equals(c.getBanner()) ? "" : "; banner " + bannerBefore + " -> " + c.getBanner())
                + (blank(body.note()) ? "" : "; note: " + body.note().trim());
        ReviewOutcome out = changed(c, reader, event(reader, AuditAction.MARKING_CHANGED, c)
                .marking("(" + current.mark() + ")", mark.portionMark()).note(note));
        cables.reindexIfChanged(c, termsBefore);
        return out;
    }

    /** The stored decisions of a header portion, created on first use. */
    private HeaderPortion headerRow(Cable c, HeaderPart part) {
        HeaderPortion row = em.find(HeaderPortion.class,
                new HeaderPortion.Key(c.getId(), part.address()));
        if (row == null) {
            row = new HeaderPortion(c.getId(), part);
            em.persist(row);
        }
        return row;
    }

    /** The header portion an address names, when the cable has it; empty for a paragraph address. */
    private java.util.Optional<HeaderPart> headerPart(Cable c, String address) {
        java.util.Optional<HeaderPart> part = HeaderPart.byAddress(address);
        if (part.isPresent() && !cables.headerPortions(c).has(part.get())) {
            throw new ParagraphNotFound("cable " + c.getReference() + " has no " + part.get().address() + " line");
        }
        return part;
    }

    /**
     * Marks a paragraph or a header portion (subject, ref, classified-by, tags) "release" or "withhold in full";
     * withholding needs at least one exemption code.
     */
    @Transactional
    public ReviewOutcome dispose(long id, String address, DispositionChange body, Reader reader) {
        requireRole(reader, Roles.REVIEWER, "set a paragraph's disposition");
        Cable c = open(id, body.version(), reader, "disposition");
        requireClaimant(c, reader);
        java.util.Optional<HeaderPart> part = headerPart(c, address);
        if (part.isPresent()) {
            Disposition d = disposition(body.disposition());
            List<String> codes = codes(body.codes(), d == Disposition.WITHHOLD);
            headerRow(c, part.get()).dispose(d, codes, trimmed(body.note()));
            participates(c, reader);
            // no paragraph number: the portion is named in the note
            return changed(c, reader, event(reader, AuditAction.DISPOSITION_CHANGED, c).codes(codes)
                    .note(part.get().address() + ": " + d.name() + (blank(body.note()) ? "" : ": "
                            + body.note().trim())));
        }
        Paragraph p = paragraph(c, address);
        Disposition d = disposition(body.disposition());
        List<String> codes = codes(body.codes(), d == Disposition.WITHHOLD);
        p.dispose(d, codes, trimmed(body.note()));
        participates(c, reader);
        findings.revalidate(c.getId()); // R-EXM-1 looks at the codes cited
        return changed(c, reader, event(reader, AuditAction.DISPOSITION_CHANGED, c).paragraph(p.getSeq())
                .codes(codes).note(d.name() + (blank(body.note()) ? "" : ": " + body.note().trim())));
    }

    /** Proposes a redaction of characters [start, end) of a paragraph's text. */
    @Transactional
    public ReviewOutcome redact(long id, NewRedaction body, Reader reader) {
        requireRole(reader, Roles.REVIEWER, "redact");
        Cable c = open(id, body.version(), reader, "redact");
        requireClaimant(c, reader);
        String address = required(body.paragraph(), "the paragraph");
        if (body.start() == null || body.end() == null) {
            throw new InvalidRequest("start and end are required: characters of the paragraph's text, end exclusive");
        }
        java.util.Optional<HeaderPart> part = headerPart(c, address);
        if (part.isPresent()) {
            int length = cables.headerPortions(c).text(part.get()).length();
            if (body.start() < 0 || body.end() <= body.start() || body.end() > length) {
                throw new InvalidRequest("the range " + body.start() + ".." + body.end() + " is not inside the "
                        + part.get().address() + " (0.." + length + ", start inclusive, end exclusive)");
            }
            List<String> codes = codes(body.codes(), true);
            Redaction r = c.redactHeader(part.get(), body.start(), body.end(), codes, trimmed(body.note()),
                    reader.username(), clock.instant());
            participates(c, reader);
            ReviewOutcome out = changed(c, reader, event(reader, AuditAction.REDACTION_ADDED, c)
                    .span(body.start(), body.end()).codes(codes).note(part.get().address()
                            + (blank(body.note()) ? "" : ": " + body.note().trim())));
            return new ReviewOutcome(out.id(), out.reference(), out.state(), out.version(), out.assignee(),
                    out.allowedActions(), out.banner(), r.getId());
        }
        Paragraph p = paragraph(c, address);
        int length = p.getText().length();
        if (body.start() < 0 || body.end() <= body.start() || body.end() > length) {
            throw new InvalidRequest("the range " + body.start() + ".." + body.end() + " is not inside paragraph "
                    + p.getAddress() + " (0.." + length + ", start inclusive, end exclusive)");
        }
        List<String> codes = codes(body.codes(), true);
        Redaction r = c.redact(p, body.start(), body.end(), codes, trimmed(body.note()), reader.username(),
                clock.instant());
        participates(c, reader);
        findings.revalidate(c.getId()); // R-EXM-1 looks at the codes cited
        ReviewOutcome out = changed(c, reader, event(reader, AuditAction.REDACTION_ADDED, c).paragraph(p.getSeq())
                .span(body.start(), body.end()).codes(codes).note(trimmed(body.note())));
        return new ReviewOutcome(out.id(), out.reference(), out.state(), out.version(), out.assignee(),
                out.allowedActions(), out.banner(), r.getId());
    }

    @Transactional
    public ReviewOutcome unredact(long id, long redactionId, Long version, Reader reader) {
        requireRole(reader, Roles.REVIEWER, "remove a redaction");
        Cable c = open(id, version, reader, "unredact");
        requireClaimant(c, reader);
        Redaction r = c.removeRedaction(redactionId).orElseThrow(
                () -> new ParagraphNotFound("cable " + c.getReference() + " has no redaction " + redactionId));
        participates(c, reader);
        findings.revalidate(c.getId()); // R-EXM-1 looks at the codes cited
        if (r.getPortion() != null) {
            return changed(c, reader, event(reader, AuditAction.REDACTION_REMOVED, c).span(r.getStart(), r.getEnd())
                    .codes(r.getCodes()).note(r.getPortion() + ": redaction " + redactionId + " removed"));
        }
        return changed(c, reader, event(reader, AuditAction.REDACTION_REMOVED, c).paragraph(r.getParagraphSeq())
                .span(r.getStart(), r.getEnd()).codes(r.getCodes()).note("redaction " + redactionId + " removed"));
    }

    /**
     * Redacts several spans of one cable in one transaction (a bulk redaction, issue 18): the same checks as
     * {@link #redact} once for the cable (role, clearance for every portion, version, state, claimant, codes), then
     * each span in turn. A span that an existing redaction (or an earlier span of this call) overlaps is skipped as
     * {@code already-redacted}, not duplicated; an address the cable lacks as {@code no-such-portion}, a range
     * outside the portion as {@code out-of-range}. One REDACTION_ADDED audit entry per span redacted, each with the
     * note (which names the bulk operation). When no span is redacted, nothing changes and the version stays.
     */
    @Transactional
    public ReviewOutcome.Spans redactSpans(long id, Long version, List<ReviewRequests.Span> spans, List<String> codes,
                                           String note, Reader reader) {
        requireRole(reader, Roles.REVIEWER, "redact");
        Cable c = open(id, version, reader, "redact");
        requireClaimant(c, reader);
        List<String> checked = codes(codes, true);
        String trimmedNote = trimmed(note);
        HeaderPortions portions = null;
        List<ReviewOutcome.Skipped> skipped = new ArrayList<>();
        List<ReviewRequests.Span> made = new ArrayList<>();
        List<Redaction> redactions = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        for (ReviewRequests.Span s : spans) {
            String address = s.paragraph() == null ? "" : s.paragraph().trim();
            java.util.Optional<HeaderPart> part = HeaderPart.byAddress(address);
            Paragraph p = part.isPresent() ? null : c.getParagraphs().stream().filter(x -> matches(x, address))
                    .findFirst().orElse(null);
            if (part.isPresent() && portions == null) {
                portions = cables.headerPortions(c);
            }
            if ((part.isPresent() && !portions.has(part.get())) || (part.isEmpty() && p == null)) {
                skipped.add(new ReviewOutcome.Skipped(address, s.start(), s.end(), "no-such-portion"));
                continue;
            }
            int length = part.isPresent() ? portions.text(part.get()).length() : p.getText().length();
            if (s.start() < 0 || s.end() <= s.start() || s.end() > length) {
                skipped.add(new ReviewOutcome.Skipped(address, s.start(), s.end(), "out-of-range"));
                continue;
            }
            boolean overlaps = c.getRedactions().stream().anyMatch(r -> sameTarget(r, part, p)
                    && r.getStart() < s.end() && r.getEnd() > s.start());
            if (overlaps) {
                skipped.add(new ReviewOutcome.Skipped(address, s.start(), s.end(), "already-redacted"));
                continue;
            }
            Redaction r = part.isPresent()
                    ? c.redactHeader(part.get(), s.start(), s.end(), checked, trimmedNote, reader.username(),
                            clock.instant())
                    : c.redact(p, s.start(), s.end(), checked, trimmedNote, reader.username(), clock.instant());
            redactions.add(r);
            made.add(new ReviewRequests.Span(part.isPresent() ? part.get().address() : p.getAddress(), s.start(),
                    s.end()));
            events.add(part.isPresent()
                    ? event(reader, AuditAction.REDACTION_ADDED, c).span(s.start(), s.end()).codes(checked)
                            .note(part.get().address() + (trimmedNote == null ? "" : ": " + trimmedNote))
                    : event(reader, AuditAction.REDACTION_ADDED, c).paragraph(p.getSeq()).span(s.start(), s.end())
                            .codes(checked).note(trimmedNote));
        }
        if (redactions.isEmpty()) {
            return new ReviewOutcome.Spans(ReviewOutcome.of(c), List.of(), skipped);
        }
        participates(c, reader);
        findings.revalidate(c.getId()); // R-EXM-1 looks at the codes cited
        ReviewOutcome out = changed(c, reader, events);
        List<ReviewOutcome.Done> done = new ArrayList<>();
        for (int i = 0; i < redactions.size(); i++) {
            ReviewRequests.Span s = made.get(i);
            done.add(new ReviewOutcome.Done(s.paragraph(), s.start(), s.end(), redactions.get(i).getId()));
        }
        return new ReviewOutcome.Spans(out, done, skipped);
    }

    /**
     * Adopts the decisions of another cable with the same body (a duplicate, issue 20): each paragraph's disposition
     * and each paragraph redaction of {@code from} are applied here, through this aggregate's checks once for the
     * cable (role, clearance, version, state IN_REVIEW, claimant), one audit entry per change naming the source.
     * The bodies must be equal paragraph by paragraph (else 409 naming the first that differs), the reader must be
     * cleared for the whole source, and the source must have been reviewed (submitted, approved or released).
     * Markings are not adopted: a mark that differs is listed in the outcome's note, to be decided by hand. A span
     * already redacted here is not redacted twice. When nothing differs, nothing changes and the version stays.
     */
    @Transactional
    public ReviewOutcome adoptDecisions(long id, long from, Long version, Reader reader) {
        requireRole(reader, Roles.REVIEWER, "adopt another cable's decisions");
        Cable c = open(id, version, reader, "redact");
        requireClaimant(c, reader);
        if (from == id) {
            throw new InvalidRequest("a cable cannot adopt its own decisions");
        }
        Cable src = cables.get(from);
        if (!cables.mayReadWhole(src, reader)) {
            throw new NotCleared("adopting the decisions of " + src.getReference()
                    + " needs clearance for the whole of it");
        }
        if (!java.util.EnumSet.of(WorkflowState.SUBMITTED, WorkflowState.APPROVED, WorkflowState.RELEASED)
                .contains(src.getState())) {
            throw new TransitionNotAllowed(src.getReference() + " is " + src.getState()
                    + ": only the decisions of a submitted, approved or released cable can be adopted");
        }
        List<Paragraph> here = c.getParagraphs();
        List<Paragraph> there = src.getParagraphs();
        if (here.size() != there.size()) {
            throw new TransitionNotAllowed(c.getReference() + " has " + here.size() + " paragraphs and "
                    + src.getReference() + " " + there.size() + ": the bodies differ; decide by hand");
        }
        for (int i = 0; i < here.size(); i++) {
            if (!here.get(i).getText().equals(there.get(i).getText())) {
                throw new TransitionNotAllowed("¶" + here.get(i).getAddress() + " of " + c.getReference()
                        + " differs from ¶" + there.get(i).getAddress() + " of " + src.getReference()
                        + ": the bodies differ; decide by hand");
            }
        }
        String note = "adopted from " + src.getReference();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < here.size(); i++) {
            Paragraph p = here.get(i);
            Paragraph q = there.get(i);
            if (q.getDisposition() != null && (q.getDisposition() != p.getDisposition()
                    || !q.getDispositionCodes().equals(p.getDispositionCodes()))) {
                p.dispose(q.getDisposition(), q.getDispositionCodes(), note);
                events.add(event(reader, AuditAction.DISPOSITION_CHANGED, c).paragraph(p.getSeq())
                        .codes(q.getDispositionCodes()).note(q.getDisposition().name() + ": " + note));
            }
        }
        for (Redaction r : src.getRedactions()) {
            if (r.getPortion() != null) {
                continue;
            }
            Paragraph p = here.stream().filter(x -> x.getSeq() == r.getParagraphSeq()).findFirst().orElse(null);
            if (p == null || c.getRedactions().stream().anyMatch(x -> sameTarget(x, java.util.Optional.empty(), p)
                    && x.getStart() < r.getEnd() && r.getStart() < x.getEnd())) {
                continue;
            }
            c.redact(p, r.getStart(), r.getEnd(), r.getCodes(), note, reader.username(), clock.instant());
            events.add(event(reader, AuditAction.REDACTION_ADDED, c).paragraph(p.getSeq())
                    .span(r.getStart(), r.getEnd()).codes(r.getCodes()).note(note));
        }
        if (events.isEmpty()) {
            return ReviewOutcome.of(c);
        }
        participates(c, reader);
        findings.revalidate(c.getId());
        return changed(c, reader, events);
    }

    /** A cable's reference (not classified: every signed-in user sees it in the list). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String referenceOf(long id) {
        return cables.get(id).getReference();
    }

    /** Whether a stored redaction redacts the header portion {@code part}, or else the paragraph {@code p}. */
    private static boolean sameTarget(Redaction r, java.util.Optional<HeaderPart> part, Paragraph p) {
        return part.isPresent() ? part.get().address().equals(r.getPortion())
                : r.getPortion() == null && r.getParagraphSeq() == p.getSeq();
    }

    /**
     * Removes several redactions of one cable in one transaction (the undo of a bulk redaction): the checks of
     * {@link #unredact} once for the cable, one REDACTION_REMOVED audit entry per redaction removed, with the note.
     * A redaction the cable no longer has is skipped as {@code already-removed}. When none is removed, nothing
     * changes and the version stays.
     */
    @Transactional
    public ReviewOutcome.Spans unredactAll(long id, Long version, List<Long> redactionIds, String note,
                                           Reader reader) {
        requireRole(reader, Roles.REVIEWER, "remove a redaction");
        Cable c = open(id, version, reader, "unredact");
        requireClaimant(c, reader);
        List<ReviewOutcome.Done> done = new ArrayList<>();
        List<ReviewOutcome.Skipped> skipped = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        String suffix = blank(note) ? "" : "; " + note.trim();
        for (Long rid : redactionIds) {
            java.util.Optional<Redaction> removed = c.removeRedaction(rid);
            if (removed.isEmpty()) {
                skipped.add(new ReviewOutcome.Skipped(null, 0, 0, "already-removed"));
                continue;
            }
            Redaction r = removed.get();
            String address = r.getPortion() != null ? r.getPortion() : c.getParagraphs().stream()
                    .filter(p -> p.getSeq() == r.getParagraphSeq()).map(Paragraph::getAddress).findFirst()
                    .orElse("s" + r.getParagraphSeq());
            done.add(new ReviewOutcome.Done(address, r.getStart(), r.getEnd(), rid));
            events.add(r.getPortion() != null
                    ? event(reader, AuditAction.REDACTION_REMOVED, c).span(r.getStart(), r.getEnd())
                            .codes(r.getCodes()).note(r.getPortion() + ": redaction " + rid + " removed" + suffix)
                    : event(reader, AuditAction.REDACTION_REMOVED, c).paragraph(r.getParagraphSeq())
                            .span(r.getStart(), r.getEnd()).codes(r.getCodes())
                            .note("redaction " + rid + " removed" + suffix));
        }
        if (done.isEmpty()) {
            return new ReviewOutcome.Spans(ReviewOutcome.of(c), List.of(), skipped);
        }
        participates(c, reader);
        findings.revalidate(c.getId()); // R-EXM-1 looks at the codes cited
        return new ReviewOutcome.Spans(changed(c, reader, events), done, skipped);
    }

    @Transactional
    public ReviewOutcome submit(long id, Action body, Reader reader) {
        requireRole(reader, Roles.REVIEWER, "submit a cable");
        Cable c = open(id, body.version(), reader, "submit");
        requireClaimant(c, reader);
        c.submitForApproval();
        return changed(c, reader, stateChange(c, reader, WorkflowState.IN_REVIEW, "submitted for approval",
                body.note()));
    }

    // ---------------------------------------------------------------- approver

    /**
     * Approves a submitted cable; the approver becomes the release authority. The two-person rule
     * ({@link TwoPersonRule}): nobody who claimed, marked, dispositioned, redacted or fixed the cable may approve it
     * (403). A cable with an open ERROR finding is refused (409, naming each) unless the body carries an
     * {@code override} reason, which the approval's audit entry records. Approval applies every pending lowered
     * marking (each audited in this transaction), recomputes the banner and revalidates the findings.
     */
    @Transactional
    public ReviewOutcome approve(long id, Action body, Reader reader) {
        requireRole(reader, Roles.APPROVER, "approve a cable");
        Cable c = open(id, body.version(), reader, "approve");
        twoPersonRule.check(c, reader.username(), "approve");
        // the cross-cable findings (X-CONSIST-1) depend on other cables, which may have been released since
        findings.revalidate(c.getId());
        List<String> errors = openErrors(c);
        if (!errors.isEmpty() && blank(body.override())) {
            throw new TransitionNotAllowed("cable " + c.getReference() + " has " + errors.size() + " open ERROR"
                    + " finding" + (errors.size() == 1 ? "" : "s") + ": " + String.join("; ", errors)
                    + "; return it to its reviewer, or approve with an override reason");
        }
        List<AuditEvent> events = new ArrayList<>();
        String bannerBefore = c.getBanner();
        List<CableTerms.Term> termsBefore = CableTerms.of(c);
        List<Cable.AppliedProposal> applied = c.applyProposals();
        if (!applied.isEmpty()) {
            findings.revalidate(c.getId());
            // a lowered banner lowers the words that follow it (the tags): the search follows the approved marking
            cables.reindexIfChanged(c, termsBefore);
        }
        for (Cable.AppliedProposal a : applied) {
            events.add(event(reader, AuditAction.MARKING_CHANGED, c).paragraph(a.seq())
                    .marking(a.before().portionMark(), a.after().portionMark())
                    .note("lowered marking proposed by " + a.proposedBy() + " applied at approval by "
                            + reader.username()));
        }
        c.approveBy(reader.username(), clock.instant());
        events.add(event(reader, AuditAction.CABLE_APPROVED, c)
                .marking(WorkflowState.SUBMITTED.name(), WorkflowState.APPROVED.name())
                .note("approved; release authority " + reader.username()
                        + (bannerBefore.equals(c.getBanner()) ? "" : "; banner " + bannerBefore + " -> "
                        + c.getBanner())
                        + (errors.isEmpty() ? "" : "; override of open errors (" + String.join("; ", errors)
                        + "): " + body.override().trim())
                        + (blank(body.note()) ? "" : "; note: " + body.note().trim())));
        return changed(c, reader, events);
    }

    /** The cable's open ERROR findings, each as "code: message". */
    static List<String> openErrors(Cable c) {
        return c.getFindings().stream().filter(f -> f.getSeverity() == org.declass.marking.Severity.ERROR)
                .map(f -> f.getCode() + ": " + f.toFinding().message()).toList();
    }

    /**
     * Applies the suggested fix of one finding ({@code POST /api/cables/{id}/findings/{code}/apply}) as a marking
     * change like any other: REVIEWER role, only the claimant (403), only while the cable is IN_REVIEW and with the
     * version the caller read (409). It raises the overall marking or sets the paragraph's mark (a lowering is a
     * proposal, see {@link #remark}), recomputes the findings, records the reader as a participant (so that they
     * may not approve it) and the change in the audit trail, all in one transaction; when the subject's marking
     * went up, its words in the search index follow.
     *
     * @param paragraph the finding's paragraph, when several findings share the code; null for the first
     */
    @Transactional
    public ReviewOutcome applyFix(long id, String code, Integer paragraph, Long version, Reader reader) {
        requireRole(reader, Roles.REVIEWER, "apply a finding's suggested fix");
        Cable c = open(id, version, reader, "mark");
        requireClaimant(c, reader);
        Finding finding = findings.fixable(c, code, paragraph);
        org.declass.marking.Suggestion s = finding.suggestion();
        Marking mark = s.marking();
        if (!policy.mayAssign(reader, Classification.of(mark))) {
            throw new NotCleared("your clearance does not cover " + mark.banner() + "; you cannot apply this fix");
        }
        List<CableTerms.Term> termsBefore = CableTerms.of(c);
        String before;
        String after;
        boolean applied = true;
        if (s.changesBanner()) {
            before = c.getBanner();
            String subjectMark = cables.header(c).subjectMark();
            c.raiseOverallMarking(mark, org.declass.marking.Suggestion.ADD_NOFORN_CAPTION.equals(s.action()),
                    subjectMark == null || subjectMark.isBlank());
            after = c.getBanner();
        } else {
            Paragraph p = c.getParagraphs().stream().filter(x -> x.getSeq() == finding.paragraph()).findFirst()
                    .orElseThrow(() -> new ParagraphNotFound("cable " + c.getReference() + " has no paragraph "
                            + finding.paragraph()));
            before = p.getMark() == null ? "(unmarked)" : p.getMark().portionMark();
            applied = c.remark(p, mark, reader.username());
            after = mark.portionMark();
        }
        findings.revalidate(c.getId());
        participates(c, reader);
        ReviewOutcome out = changed(c, reader, event(reader, AuditAction.MARKING_CHANGED, c)
                .paragraph(s.changesBanner() ? null : finding.paragraph())
                .marking(before, after)
                .note("applied suggested fix " + s.action() + " for finding " + code + ": " + s.label()
                        + (applied ? "" : "; proposed: a lowered marking takes effect when the cable is approved")));
        // the subject's or the banner's marking went up: the words that carry it follow (CableService)
        cables.reindexIfChanged(c, termsBefore);
        return out;
    }

    @Transactional
    public ReviewOutcome returnToReviewer(long id, Action body, Reader reader) {
        requireRole(reader, Roles.APPROVER, "return a cable");
        Cable c = open(id, body.version(), reader, "return");
        String reason = required(body.reason(), "a reason for returning the cable");
        c.returnToReviewer(reason);
        return changed(c, reader, stateChange(c, reader, WorkflowState.SUBMITTED, "returned: " + reason,
                body.note()));
    }

    // ---------------------------------------------------------------- holds

    /** Any state before RELEASED may be held, with an exemption code, a reason and a review-by date. */
    @Transactional
    public ReviewOutcome hold(long id, Action body, Reader reader) {
        if (!reader.hasAnyRole(Roles.REVIEWER, Roles.APPROVER, Roles.ADMIN)) {
            throw new NotPermitted("putting a cable on hold needs the REVIEWER, APPROVER or ADMIN role");
        }
        Cable c = open(id, body.version(), reader, "hold");
        if (!reader.hasAnyRole(Roles.APPROVER, Roles.ADMIN) && !reader.username().equals(c.getAssignee())) {
            throw new NotPermitted("a reviewer may hold only a cable they have claimed; an approver or admin may"
                    + " hold any");
        }
        String code = List.copyOf(codes(List.of(required(body.code(), "an exemption code")), true)).get(0);
        String reason = required(body.reason(), "a reason for the hold");
        LocalDate until = body.until();
        if (until == null) {
            throw new InvalidRequest("a hold needs a review-by date (until, yyyy-mm-dd)");
        }
        if (until.isBefore(LocalDate.now(clock))) {
            throw new InvalidRequest("the review-by date " + until + " is in the past");
        }
        WorkflowState before = c.getState();
        c.putOnHold(code, reason, until);
        return changed(c, reader, stateChange(c, reader, before, "held under " + code + " until " + until + ": "
                + reason, body.note()).codes(List.of(code)));
    }

    @Transactional
    public ReviewOutcome unhold(long id, Action body, Reader reader) {
        if (!reader.hasAnyRole(Roles.APPROVER, Roles.ADMIN)) {
            throw new NotPermitted("lifting a hold needs the APPROVER or ADMIN role");
        }
        Cable c = open(id, body.version(), reader, "unhold");
        c.liftHold();
        return changed(c, reader, stateChange(c, reader, WorkflowState.ON_HOLD, "hold lifted", body.note()));
    }

    // ---------------------------------------------------------------- suggested redactions (issue 18, part 3)

    /**
     * The redactions the detectors suggest for a cable, for staff who may review it (the REVIEWER or APPROVER role;
     * 403 otherwise). The one disclosure decision is asked for every paragraph before any detector reads it: a
     * paragraph the reader may not read is not given to the detectors at all, so that no suggestion, offset or count
     * comes from it (nor a later mention found through a name in it). Spans already redacted, paragraphs withheld in
     * full and rejected suggestions are left out. Returning classified text is audited as a read (PORTIONS_READ).
     */
    @Transactional
    public List<Suggestion> suggestions(long id, Reader reader) {
        if (!reader.hasAnyRole(Roles.REVIEWER, Roles.APPROVER)) {
            throw new NotPermitted("suggested redactions are for reviewers and approvers: you need the REVIEWER or"
                    + " APPROVER role");
        }
        Cable c = cables.get(id);
        List<Suggestion> out = suggestionsFor(c, reader);
        java.util.Set<Integer> classified = new java.util.TreeSet<>();
        for (Suggestion s : out) {
            c.getParagraphs().stream().filter(p -> p.getSeq() == s.seq()
                            && p.getEffectiveLevel() != ClassificationLevel.UNCLASSIFIED)
                    .forEach(p -> classified.add(p.getSeq()));
        }
        if (!classified.isEmpty()) {
            auditTrail.record(event(reader, AuditAction.PORTIONS_READ, c).note("suggested redactions; portions "
                    + classified.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))));
        }
        return out;
    }

    /** The suggestions of the paragraphs this reader may read (through the one disclosure decision). */
    private List<Suggestion> suggestionsFor(Cable c, Reader reader) {
        List<Suggestion.Portion> portions = new ArrayList<>();
        for (Paragraph p : c.getParagraphs()) {
            if (!policy.mayRead(reader, p.getEffectiveLevel(), p.isForeignRestricted())) {
                continue;
            }
            List<int[]> redacted = c.getRedactions().stream()
                    .filter(r -> r.getPortion() == null && r.getParagraphSeq() == p.getSeq())
                    .map(r -> new int[] {r.getStart(), r.getEnd()}).toList();
            portions.add(new Suggestion.Portion(p.getSeq(), p.getAddress(), p.getText(), redacted,
                    p.getDisposition() == Disposition.WITHHOLD));
        }
        if (portions.isEmpty()) {
            return List.of();
        }
        return Suggestion.find(DETECTORS, portions, rejections.keys(c.getId()));
    }

    /**
     * Turns a suggestion into a redaction, as {@link #redact} would: the REVIEWER role, the claimant, IN_REVIEW, the
     * version the caller read (409 when stale), the suggested code unless the body names others; audited as
     * REDACTION_ADDED with the suggestion's id, kind and confidence in the note (never its text).
     */
    @Transactional
    public ReviewOutcome acceptSuggestion(long id, String suggestionId, ReviewRequests.SuggestionDecision body,
                                          Reader reader) {
        requireRole(reader, Roles.REVIEWER, "accept a suggested redaction");
        String sid = suggestionId(suggestionId);
        Cable c = open(id, body.version(), reader, "redact");
        requireClaimant(c, reader);
        Suggestion s = suggestion(c, sid, reader);
        Paragraph p = paragraph(c, "s" + s.seq());
        List<String> codes = codes(body.codes() == null || body.codes().isEmpty() ? List.of(s.code()) : body.codes(),
                true);
        String note = "suggested " + s.kind().name() + " accepted (suggestion " + sid + ", confidence "
                + s.confidence() + ")" + (blank(body.note()) ? "" : ": " + body.note().trim());
        Redaction r = c.redact(p, s.start(), s.end(), codes, note, reader.username(), clock.instant());
        participates(c, reader);
        ReviewOutcome out = changed(c, reader, event(reader, AuditAction.REDACTION_ADDED, c).paragraph(p.getSeq())
                .span(s.start(), s.end()).codes(codes).note(note));
        return new ReviewOutcome(out.id(), out.reference(), out.state(), out.version(), out.assignee(),
                out.allowedActions(), out.banner(), r.getId());
    }

    /**
     * Dismisses a suggestion with a reason: the same checks as {@link #acceptSuggestion}; the rejection is
     * remembered (by paragraph, kind and normalised text, so that it is not proposed again) and audited as
     * SUGGESTION_REJECTED in the same transaction. The version moves on like any other review change.
     */
    @Transactional
    public ReviewOutcome rejectSuggestion(long id, String suggestionId, ReviewRequests.SuggestionDecision body,
                                          Reader reader) {
        requireRole(reader, Roles.REVIEWER, "reject a suggested redaction");
        String sid = suggestionId(suggestionId);
        String reason = required(body.reason(), "a reason for rejecting the suggestion");
        if (reason.length() > 1000) {
            throw new InvalidRequest("the reason has " + reason.length() + " characters; at most 1000");
        }
        Cable c = open(id, body.version(), reader, "redact");
        requireClaimant(c, reader);
        Suggestion s = suggestion(c, sid, reader);
        rejections.remember(c.getId(), s, reason, reader.username(), clock.instant());
        participates(c, reader);
        return changed(c, reader, event(reader, AuditAction.SUGGESTION_REJECTED, c).paragraph(s.seq())
                .span(s.start(), s.end()).codes(List.of(s.code()))
                .note("suggested " + s.kind().name() + " rejected (suggestion " + sid + "): " + reason));
    }

    private static String suggestionId(String raw) {
        String sid = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!Suggestion.wellFormedId(sid)) {
            throw new InvalidRequest("a suggestion id is " + Suggestion.ID_LENGTH + " hexadecimal digits, as GET"
                    + " /api/cables/{id}/suggestions lists them");
        }
        return sid;
    }

    /** The suggestion with this id among the cable's current suggestions, else 404. */
    private Suggestion suggestion(Cable c, String sid, Reader reader) {
        return suggestionsFor(c, reader).stream().filter(s -> s.id().equals(sid)).findFirst()
                .orElseThrow(() -> new ParagraphNotFound("cable " + c.getReference() + " has no suggestion " + sid
                        + " now: it was accepted, rejected or redacted meanwhile, or never existed; reload"));
    }

    // ---------------------------------------------------------------- reads

    /** Whether the reader marked, dispositioned, redacted or fixed anything on the cable. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean tookPart(Cable c, String username) {
        return twoPersonRule.participated(c, username);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExemptionCode> exemptionCodes() {
        return em.createQuery("select e from ExemptionCode e order by e.sortOrder, e.code", ExemptionCode.class)
                .getResultList();
    }

    /** Adds a code or changes its description (ADMIN). Audited as a configuration change. */
    @Transactional
    public ExemptionCode describeCode(String code, ReviewRequests.CodeDescription body, Reader reader) {
        requireRole(reader, Roles.ADMIN, "edit the exemption code list");
        String c = required(code, "the code").toUpperCase(Locale.ROOT);
        if (c.length() > 20) {
            throw new InvalidRequest("an exemption code has at most 20 characters");
        }
        String description = required(body.description(), "a description");
        ExemptionCode e = em.find(ExemptionCode.class, c);
        String scheme = blank(body.scheme()) ? (e == null ? "local" : e.getScheme()) : body.scheme().trim();
        int order = body.sortOrder() != null ? body.sortOrder() : (e == null ? 1000 : e.getSortOrder());
        if (e == null) {
            e = new ExemptionCode(c, scheme, description, order);
            em.persist(e);
        } else {
            e.describe(scheme, description, order);
        }
        auditTrail.record(AuditEvent.by(reader.username(), reader.roles(), AuditAction.EXEMPTION_CODE_CHANGED)
                .codes(List.of(c)).note("exemption code " + c + " (" + scheme + "): " + description));
        return e;
    }

    /** A work queue for this reader, within their clearance, sorted by declassification date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewQueue queue(String queue, ReviewQueue.Filters filters, Reader reader) {
        String q = ReviewQueue.normalise(queue);
        if (q == null) {
            q = reader.hasRole(Roles.APPROVER) && !reader.hasRole(Roles.REVIEWER) ? "awaiting" : "mine";
        }
        ReviewQueue.Counts counts = new ReviewQueue.Counts(count("mine", filters, reader),
                count("unassigned", filters, reader), count("awaiting", filters, reader),
                count("returned", filters, reader), count("hold", filters, reader));
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String where = where(q, filters, reader, params);
        String order = filters.descending() ? " order by c.releaseOn desc nulls last, c.id"
                : " order by c.releaseOn asc nulls last, c.id";
        var query = em.createQuery("select c from Cable c where " + where + order, Cable.class).setMaxResults(200);
        params.forEach(query::setParameter);
        List<ReviewQueue.Row> rows = new ArrayList<>();
        for (Cable c : query.getResultList()) {
            Classification subject = Classification.of(
                    c.getSubjectLevel(), c.isSubjectForeignRestricted());
            rows.add(new ReviewQueue.Row(c.getId(), c.getReference(), c.getBanner(), c.getLevel().abbreviation(),
                    policy.mayRead(reader, subject) ? c.getSubject() : policy.placeholder(subject),
                    c.getState().name(), c.getAssignee(),
                    c.getDate(), c.getDeclassDate(), c.getParagraphCount(),
                    reader.username().equals(c.getAssignee()) || tookPart(c, reader.username()),
                    c.getDeclassKind().name(), c.getReleaseOn(),
                    c.getReleaseBasis() == null ? null : c.getReleaseBasis().name()));
        }
        return new ReviewQueue(q, rows, counts, filters);
    }

    /** How many cables are in one of the reader's work queues ("mine", "unassigned", ...), unfiltered. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long queueSize(String queue, Reader reader) {
        String q = ReviewQueue.normalise(queue);
        if (q == null) {
            throw new InvalidRequest("no queue " + queue + "; the queues are " + String.join(", ", ReviewQueue.QUEUES));
        }
        return count(q, new ReviewQueue.Filters(null, null, null, null), reader);
    }

    private long count(String queue, ReviewQueue.Filters filters, Reader reader) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        var query = em.createQuery("select count(c) from Cable c where " + where(queue, filters, reader, params),
                Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Only cables the reader is cleared for: the others cannot be acted on, and their existence says little. */
    private String where(String queue, ReviewQueue.Filters f, Reader reader,
                         java.util.Map<String, Object> params) {
        // the cable's overall marking through the one disclosure decision: only cables the reader may act on
        Disclosure.SqlCondition cleared = policy.sql(reader, "c.levelRank", Cable.FOREIGN_RESTRICTED_JPQL,
                "queue");
        StringBuilder w = new StringBuilder(cleared.text());
        params.putAll(cleared.params());
        switch (queue) {
            case "mine" -> {
                w.append(" and c.state = :state and c.assignee = :me");
                params.put("state", WorkflowState.IN_REVIEW);
                params.put("me", reader.username());
            }
            case "unassigned" -> {
                w.append(" and c.state = :state");
                params.put("state", WorkflowState.NEW);
            }
            case "awaiting" -> {
                w.append(" and c.state = :state");
                params.put("state", WorkflowState.SUBMITTED);
            }
            case "returned" -> {
                w.append(" and c.state = :state");
                params.put("state", WorkflowState.RETURNED);
                if (!reader.hasAnyRole(Roles.APPROVER, Roles.ADMIN)) {
                    w.append(" and c.assignee = :me");
                    params.put("me", reader.username());
                }
            }
            default -> {
                w.append(" and c.state = :state");
                params.put("state", WorkflowState.ON_HOLD);
            }
        }
        if (!blank(f.level())) {
            ClassificationLevel level = ClassificationLevel.fromName(f.level())
                    .orElseThrow(() -> new InvalidRequest("level must be one of U, C, S, TS"));
            w.append(" and c.levelRank = :level");
            params.put("level", (short) level.ordinal());
        }
        if (!blank(f.origin())) {
            w.append(" and c.origin = :origin");
            params.put("origin", f.origin().trim().toUpperCase(Locale.ROOT));
        }
        if (!blank(f.q())) {
            w.append(" and lower(c.reference) like :q");
            params.put("q", "%" + f.q().trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        return w.toString();
    }

    /**
     * The banner a marking of {@code level} and {@code controls} would raise, when it would: the cable's banner now,
     * else null (also for a level that does not parse, which {@link #remark} refuses). Read only: the pages' form
     * asks for confirmation before a change that raises the banner (issue 19).
     */
    @Transactional
    public String bannerRaisedBy(long id, String level, String controls, Reader reader) {
        Cable c = cables.get(id);
        if (!cables.mayReadWhole(c, reader)) {
            return null;
        }
        Marking mark;
        try {
            mark = marking(level, controls == null ? List.of() : List.of(controls.split("[,;]")));
        } catch (InvalidRequest e) {
            return null;
        }
        Classification banner = Classification.of(c.getLevel(), c.isForeignRestricted());
        return banner.atLeast(Classification.of(mark)).equals(banner) ? null : c.getBanner();
    }

    /** The review or approver screen: only for a reader cleared for every portion of the cable. */
    @Transactional
    public ReviewScreen screen(long id, Reader reader) {
        Cable c = cables.get(id);
        if (!cables.mayReadWhole(c, reader)) {
            throw new NotCleared("your clearance does not cover every portion of cable " + c.getReference()
                    + " (" + c.getBanner() + "); it cannot be reviewed by you");
        }
        org.declass.cable.CableView view = cables.view(id, reader);
        // the screen is for a reader cleared for every portion; suggestions only for staff who may review
        List<Suggestion> suggested = reader.hasAnyRole(Roles.REVIEWER, Roles.APPROVER) ? suggestionsFor(c, reader)
                : List.of();
        List<ReviewScreen.Row> rows = new ArrayList<>();
        for (Paragraph p : c.getParagraphs()) {
            org.declass.cable.CableView.ParagraphView pv = view.paragraphs().stream()
                    .filter(x -> x.seq() == p.getSeq()).findFirst().orElseThrow();
            rows.add(ReviewScreen.row(pv, p.getAddress(), p.getDisposition() == null ? null
                            : p.getDisposition().name(), p.getDispositionCodes(),
                    view.redactions().stream().filter(r -> r.paragraph() == p.getSeq()
                            && r.address().equals(p.getAddress())).toList(),
                    suggested.stream().filter(x -> x.seq() == p.getSeq()).toList(), view.findings()));
        }
        List<ReviewScreen.CodeOption> codes = exemptionCodes().stream()
                .map(e -> new ReviewScreen.CodeOption(e.getCode(), e.getScheme(), e.getDescription())).toList();
        boolean claimant = reader.username().equals(c.getAssignee());
        WorkflowState st = c.getState();
        boolean reviewer = reader.hasRole(Roles.REVIEWER);
        boolean mayClaim = reviewer && (st == WorkflowState.NEW || (st == WorkflowState.RETURNED && claimant));
        boolean mayEdit = reviewer && claimant && st.isEditable();
        String refusal = twoPersonRule.refusal(c, reader.username(), "approve");
        // the screen shows the refusal as a sentence
        String twoPerson = refusal == null ? null
                : Character.toUpperCase(refusal.charAt(0)) + refusal.substring(1) + ".";
        boolean mayApprove = reader.hasRole(Roles.APPROVER) && st == WorkflowState.SUBMITTED && twoPerson == null;
        boolean mayHold = st.mayBeHeld() && (reader.hasAnyRole(Roles.APPROVER, Roles.ADMIN) || (reviewer && claimant));
        boolean mayUnhold = st == WorkflowState.ON_HOLD && reader.hasAnyRole(Roles.APPROVER, Roles.ADMIN);
        org.declass.cable.CableHeader header = cables.header(c);
        org.declass.redaction.CableDocument preview = org.declass.cable.DocumentBuilder.publicPreview(c,
                header, cables.headerPortions(c, header), policy, code -> {
                    ExemptionCode e = em.find(ExemptionCode.class, code);
                    return e == null ? null : e.getDescription();
                });
        List<ReviewScreen.Proposal> proposals = new ArrayList<>();
        for (Paragraph p : c.getParagraphs()) {
            if (p.getProposal() != null) {
                proposals.add(new ReviewScreen.Proposal(p.getAddress(), p.getEffectiveMarking().portionMark(),
                        p.getProposal().mark().portionMark(), p.getProposal().by()));
            }
        }
        // returning is the approver's, and only while the cable awaits approval (the server refuses otherwise too)
        boolean mayReturn = reader.hasRole(Roles.APPROVER) && st == WorkflowState.SUBMITTED;
        return new ReviewScreen(view, rows, codes, claimant, mayClaim, mayEdit, mayApprove, twoPerson, mayHold,
                mayUnhold, preview, openErrors(c), proposals, ReviewScreen.cableLevel(view.findings(), rows),
                mayReturn);
    }

    // ---------------------------------------------------------------- rules and helpers

    /** Loads the cable under a row lock (writers to one cable queue here), then checks clearance, version, state. */
    private Cable open(long id, Long version, Reader reader, String action) {
        Cable c = em.find(Cable.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new CableNotFound("with id " + id);
        }
        if (!cables.mayReadWhole(c, reader)) {
            throw new NotCleared("your clearance (" + reader.describeClearance() + ") does not cover every portion"
                    + " of cable " + c.getReference() + "; you may not " + action + " it");
        }
        if (version == null) {
            throw new InvalidRequest("version is required: send the version of the cable you read");
        }
        if (version != c.getVersion()) {
            throw new StaleVersion(version, c.getVersion());
        }
        if (!c.getState().allows(action)) {
            throw TransitionNotAllowed.inState(c.getReference(), c.getState(), action);
        }
        return c;
    }

    private static void requireRole(Reader reader, String role, String what) {
        if (!reader.hasRole(role)) {
            throw new NotPermitted("to " + what + " you need the " + role + " role");
        }
    }

    /** Only the claimant changes a cable in review: anybody else is refused with 403, naming the claimant. */
    private static void requireClaimant(Cable c, Reader reader) {
        if (!reader.username().equals(c.getAssignee())) {
            throw new NotPermitted("cable " + c.getReference() + " is claimed by "
                    + (c.getAssignee() == null ? "nobody" : c.getAssignee()) + "; only its claimant may change it");
        }
    }

    private Paragraph paragraph(Cable c, String address) {
        String a = address == null ? "" : address.trim();
        for (Paragraph p : c.getParagraphs()) {
            if (matches(p, a)) {
                return p;
            }
        }
        throw new ParagraphNotFound("cable " + c.getReference() + " has no paragraph " + a
                + " (use 5, 5.A, or s7 for the paragraph with seq 7)");
    }

    static boolean matches(Paragraph p, String address) {
        String a = address.toLowerCase(Locale.ROOT);
        if (a.startsWith("seq-") || a.startsWith("s")) {
            String n = a.startsWith("seq-") ? a.substring(4) : a.substring(1);
            return n.equals(String.valueOf(p.getSeq()));
        }
        if (p.getNumber() == null) {
            return false;
        }
        String[] parts = a.split("\\.", 2);
        if (!parts[0].equals(String.valueOf(p.getNumber()))) {
            return false;
        }
        String sub = p.getSub() == null ? "" : p.getSub().toLowerCase(Locale.ROOT);
        String wanted = parts.length == 2 ? parts[1] : "";
        return sub.equals(wanted);
    }

    private static Marking marking(String level, List<String> controls) {
        ClassificationLevel l = ClassificationLevel.fromName(required(level, "a level"))
                .orElseThrow(() -> new InvalidRequest("level must be one of UNCLASSIFIED, CONFIDENTIAL, SECRET,"
                        + " TOP SECRET (or U, C, S, TS)"));
        List<String> out = new ArrayList<>();
        for (String raw : controls == null ? List.<String>of() : controls) {
            if (blank(raw)) {
                continue;
            }
            String c = raw.trim().toUpperCase(Locale.ROOT);
            c = switch (c) {
                case "NF" -> Marking.NOFORN;
                case "XD" -> Marking.EXDIS;
                case "ND" -> Marking.NODIS;
                case "OC" -> "ORCON";
                default -> c;
            };
            if (!KNOWN_CONTROLS.contains(c) && !c.startsWith("REL TO ")) {
                throw new InvalidRequest("unknown control " + raw.trim() + "; use NOFORN, EXDIS, NODIS, SBU, FOUO,"
                        + " LOU, ORCON or REL TO ...");
            }
            out.add(c);
        }
        return new Marking(l, out);
    }

    private static Disposition disposition(String value) {
        try {
            return Disposition.valueOf(required(value, "a disposition").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("disposition must be RELEASE or WITHHOLD");
        }
    }

    /** The codes, each one from the configured list; at least one when required. */
    private List<String> codes(List<String> requested, boolean required) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : requested == null ? List.<String>of() : requested) {
            if (blank(raw)) {
                continue;
            }
            String code = raw.trim();
            ExemptionCode known = em.find(ExemptionCode.class, code);
            if (known == null) {
                known = em.find(ExemptionCode.class, code.toUpperCase(Locale.ROOT));
            }
            if (known == null) {
                throw new InvalidRequest("unknown exemption code " + code + "; see GET /api/exemption-codes");
            }
            out.add(known.getCode());
        }
        if (required && out.isEmpty()) {
            throw new InvalidRequest("at least one exemption code is required");
        }
        return List.copyOf(out);
    }

    private void participates(Cable c, Reader reader) {
        twoPersonRule.participates(c, reader.username());
    }

    private static AuditEvent event(Reader reader, AuditAction action, Cable c) {
        return AuditEvent.by(reader.username(), reader.roles(), action).cable(c.getId(), c.getReference());
    }

    private static AuditEvent stateChange(Cable c, Reader reader, WorkflowState before, String what, String note) {
        return event(reader, AuditAction.STATE_CHANGED, c).marking(before.name(), c.getState().name())
                .note(what + (blank(note) ? "" : "; note: " + note.trim()));
    }

    /** Moves the version on, writes now so that a lost race surfaces here as a 409, then records the audit entry. */
    private ReviewOutcome changed(Cable c, Reader reader, AuditEvent event) {
        return changed(c, reader, List.of(event));
    }

    /** As {@link #changed(Cable, Reader, AuditEvent)}, with several audit entries in order. */
    private ReviewOutcome changed(Cable c, Reader reader, List<AuditEvent> events) {
        c.touch(reader.username(), clock.instant());
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersion("cable " + c.getReference() + " was changed by someone else meanwhile; reload");
        }
        for (AuditEvent event : events) {
            auditTrail.record(event);
            Log.infof("review: %s %s cable %s -> %s v%d", reader.username(), event.action(), c.getReference(),
                    c.getState(), c.getVersion());
        }
        return ReviewOutcome.of(c);
    }

    private static String required(String value, String what) {
        if (blank(value)) {
            throw new InvalidRequest(what + " is required");
        }
        return value.trim();
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
