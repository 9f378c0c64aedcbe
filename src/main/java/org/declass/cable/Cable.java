package org.declass.cable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.declass.marking.ClassificationLevel;
import org.declass.marking.DeclassificationKind;
import org.declass.marking.Marking;
import org.declass.marking.ReleaseBasis;
import org.declass.marking.ReleaseDate;
import org.declass.marking.ReleaseDates;

/**
 * A received cable: its identity, its overall marking, its declassification instruction and its paragraphs.
 * The original text lives in {@link CableText}, apart, so that lists never load it.
 */
@Entity
@Table(name = "cable")
public class Cable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String reference;

    @Column(length = 64)
    private String origin;

    @Column(length = 16)
    private String serial;

    @Column(name = "cable_date")
    private LocalDate date;

    @Column(name = "level_rank", nullable = false)
    private short levelRank;

    @Column(nullable = false, length = 200)
    private String controls;

    @Column(nullable = false, length = 200)
    private String banner;

    /** NOFORN, EXDIS or NODIS by caption: every portion of the cable is restricted to U.S. readers. */
    @Column(name = "cable_wide_noforn", nullable = false)
    private boolean cableWideNoforn;

    @Column(length = 2000)
    private String subject;

    @Column(name = "subject_level_rank", nullable = false)
    private short subjectLevelRank;

    @Column(name = "subject_foreign_restricted", nullable = false)
    private boolean subjectForeignRestricted;

    @Column(length = 1000)
    private String tags;

    @Enumerated(EnumType.STRING)
    @Column(name = "declass_kind", nullable = false, length = 20)
    private DeclassificationKind declassKind;

    @Column(name = "declass_date")
    private LocalDate declassDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private WorkflowState state;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "paragraph_count", nullable = false)
    private int paragraphCount;

    @Column(name = "error_count", nullable = false)
    private int errorCount;

    @Column(name = "finding_count", nullable = false)
    private int findingCount;

    /**
     * error_count > 0, kept by the database (a generated column, migration V10_1) so that the list's "has errors"
     * filter reads an index in list order. Never written from here; read only by queries ({@link CableRepository}).
     */
    @Column(name = "has_errors", insertable = false, updatable = false)
    private boolean hasErrors;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "ingested_at", nullable = false)
    private Instant ingestedAt;

    @Column(name = "ingested_by", nullable = false, length = 64)
    private String ingestedBy;

    /** The reviewer who holds the cable (review feature); kept while it is submitted, returned or approved. */
    @Column(length = 64)
    private String assignee;

    /** The release authority: the approver. */
    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "hold_code", length = 20)
    private String holdCode;

    @Column(name = "hold_reason", length = 2000)
    private String holdReason;

    @Column(name = "hold_until")
    private LocalDate holdUntil;

    /** The state a held cable returns to when the hold is lifted. */
    @Enumerated(EnumType.STRING)
    @Column(name = "held_from", length = 20)
    private WorkflowState heldFrom;

    @Column(name = "returned_reason", length = 2000)
    private String returnedReason;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by", length = 64)
    private String changedBy;

    // ---- release (issue 7): the effective release date, indexed, and how it was derived ----

    /** The first day the cable may be released: the instruction's date, a recorded event, or a later hold date. */
    @Column(name = "release_on")
    private LocalDate releaseOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "release_basis", length = 20)
    private ReleaseBasis releaseBasis;

    /** What the declassification instruction alone gives (no event, no hold); null until computed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "release_rule_basis", length = 20)
    private ReleaseBasis releaseRuleBasis;

    @Column(name = "release_rule_on")
    private LocalDate releaseRuleOn;

    @Column(name = "release_rule", length = 400)
    private String releaseRule;

    /** For an event instruction: the day an approver recorded that the event occurred. */
    @Column(name = "event_occurred_on")
    private LocalDate eventOccurredOn;

    @Column(name = "event_recorded_by", length = 64)
    private String eventRecordedBy;

    @OneToMany(mappedBy = "cable", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<Paragraph> paragraphs = new ArrayList<>();

    @OneToMany(mappedBy = "cable", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("paragraphSeq, start, id")
    private List<Redaction> redactions = new ArrayList<>();

    @OneToMany(mappedBy = "cable", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CableFinding> findings = new ArrayList<>();

    /**
     * {@link #isForeignRestricted()} as a JPQL condition over {@code Cable c}, for the disclosure decision's SQL
     * counterpart ({@link org.declass.security.Disclosure#sql}).
     */
    public static final String FOREIGN_RESTRICTED_JPQL = "c.cableWideNoforn = true or c.controls like '%NOFORN%'"
            + " or c.controls like '%EXDIS%' or c.controls like '%NODIS%'";

    protected Cable() {
    }

    /** A newly received cable in state NEW. */
    public Cable(String reference, String origin, String serial, LocalDate date, Marking classification,
                 boolean cableWideNoforn, String subject, Marking subjectMarking, List<String> tags,
                 DeclassificationKind declassKind, LocalDate declassDate, String sha256, int sizeBytes,
                 Instant ingestedAt, String ingestedBy) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.origin = origin;
        this.serial = serial;
        this.date = date;
        this.levelRank = (short) classification.level().ordinal();
        this.controls = String.join(",", classification.controls());
        this.banner = classification.banner();
        this.cableWideNoforn = cableWideNoforn;
        this.subject = truncate(subject, 2000);
        // an unmarked subject is treated as carrying the cable's own marking: deny by default
        Marking subjectEffective = subjectMarking != null ? subjectMarking : classification;
        this.subjectLevelRank = (short) subjectEffective.level().ordinal();
        this.subjectForeignRestricted = subjectEffective.isForeignRestricted() || cableWideNoforn;
        this.tags = truncate(storedTags(tags), 1000);
        this.declassKind = Objects.requireNonNull(declassKind, "declassKind");
        this.declassDate = declassDate;
        this.state = WorkflowState.NEW;
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.sizeBytes = sizeBytes;
        this.ingestedAt = Objects.requireNonNull(ingestedAt, "ingestedAt");
        this.ingestedBy = Objects.requireNonNull(ingestedBy, "ingestedBy");
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public void addParagraph(Paragraph paragraph) {
        paragraph.attachTo(this);
        paragraphs.add(paragraph);
        paragraphCount = paragraphs.size();
    }

    public void addFinding(CableFinding finding) {
        finding.attachTo(this);
        findings.add(finding);
        findingCount = findings.size();
        if (finding.getSeverity() == org.declass.marking.Severity.ERROR) {
            errorCount++;
        }
    }

    // ---- review workflow: the only ways the state, the claimant and the markings change after ingest ----

    private void moveTo(WorkflowState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("cable " + reference + " cannot move from " + state + " to " + next);
        }
        state = next;
    }

    /** A reviewer takes a new cable, or its reviewer resumes a returned one. */
    public void claimBy(String reviewer) {
        moveTo(WorkflowState.IN_REVIEW);
        assignee = Objects.requireNonNull(reviewer, "reviewer");
    }

    public void submitForApproval() {
        moveTo(WorkflowState.SUBMITTED);
    }

    /** Approval by a second person, who becomes the release authority. Freezes markings and redactions. */
    public void approveBy(String approver, Instant at) {
        moveTo(WorkflowState.APPROVED);
        approvedBy = Objects.requireNonNull(approver, "approver");
        approvedAt = Objects.requireNonNull(at, "at");
    }

    /**
     * Release: APPROVED to RELEASED (the state machine refuses any other), by the release job or an approver. The
     * review aggregate calls it under the cable's row lock ({@code review.ReleaseTransition}); the version moves on.
     */
    public void release(String actor, Instant at) {
        moveTo(WorkflowState.RELEASED);
        touch(Objects.requireNonNull(actor, "actor"), Objects.requireNonNull(at, "at"));
    }

    public void returnToReviewer(String reason) {
        moveTo(WorkflowState.RETURNED);
        returnedReason = Objects.requireNonNull(reason, "reason");
    }

    public void putOnHold(String code, String reason, LocalDate until) {
        WorkflowState from = state;
        moveTo(WorkflowState.ON_HOLD);
        heldFrom = from;
        holdCode = Objects.requireNonNull(code, "code");
        holdReason = Objects.requireNonNull(reason, "reason");
        holdUntil = Objects.requireNonNull(until, "until");
        recomputeRelease();
    }

    /** Lifts a hold: back to the state the cable was in. */
    public void liftHold() {
        if (state != WorkflowState.ON_HOLD || heldFrom == null) {
            throw new IllegalStateException("cable " + reference + " is not on hold");
        }
        moveTo(heldFrom);
        heldFrom = null;
        holdCode = null;
        holdReason = null;
        holdUntil = null;
        recomputeRelease();
    }

    // ---- release date (issue 7) ----

    /**
     * Sets the date the declassification instruction gives (computed by {@link ReleaseDates#fromInstruction} at
     * ingest, or for cables stored before it existed) and recomputes the effective date.
     */
    public void scheduleRelease(ReleaseDate fromInstruction) {
        releaseRuleBasis = fromInstruction.basis();
        releaseRuleOn = fromInstruction.date();
        releaseRule = truncate(fromInstruction.derivation(), 400);
        recomputeRelease();
    }

    /**
     * An approver records that the event the instruction names occurred on {@code on}: the cable becomes due on
     * that day. Only for an event instruction and before release; a later record replaces an earlier one.
     */
    public void recordEventOccurred(LocalDate on, String by) {
        if (releaseRuleBasis != ReleaseBasis.EVENT_PENDING) {
            throw new IllegalStateException("cable " + reference + " has no event instruction: its release date comes"
                    + " from " + (releaseRule == null ? "its instruction" : releaseRule));
        }
        if (state == WorkflowState.RELEASED) {
            throw new IllegalStateException("cable " + reference + " is already released");
        }
        eventOccurredOn = Objects.requireNonNull(on, "on");
        eventRecordedBy = Objects.requireNonNull(by, "by");
        recomputeRelease();
    }

    /** The effective release date and its derivation; null before it has been computed for this cable. */
    public ReleaseDate getRelease() {
        if (releaseRuleBasis == null) {
            return null;
        }
        ReleaseDate rule = new ReleaseDate(releaseRuleOn, releaseRuleBasis, releaseRule == null ? "" : releaseRule);
        return ReleaseDates.effective(rule, eventOccurredOn, state == WorkflowState.ON_HOLD ? holdUntil : null);
    }

    private void recomputeRelease() {
        ReleaseDate r = getRelease();
        if (r != null) {
            releaseOn = r.date();
            releaseBasis = r.basis();
        }
    }

    public LocalDate getReleaseOn() {
        return releaseOn;
    }

    public ReleaseBasis getReleaseBasis() {
        return releaseBasis;
    }

    public ReleaseBasis getReleaseRuleBasis() {
        return releaseRuleBasis;
    }

    public LocalDate getReleaseRuleOn() {
        return releaseRuleOn;
    }

    public String getReleaseRule() {
        return releaseRule;
    }

    public LocalDate getEventOccurredOn() {
        return eventOccurredOn;
    }

    public String getEventRecordedBy() {
        return eventRecordedBy;
    }

    /**
     * Changes one paragraph's portion mark and recomputes the banner from all portions, so that the banner can
     * never be below the highest portion. A mark that lowers the paragraph (see {@link ProposedMarking#lowers}) is
     * a proposal until approval: it is stored as pending and the paragraph is served at the higher of its current
     * and the proposed marking (any part of the change that raises takes effect at once); {@link #applyProposals}
     * applies it. A mark that lowers nothing takes effect at once and drops any pending proposal.
     *
     * @param by who changes it (recorded with a proposal)
     * @return true when the mark took effect, false when it was stored as a proposal
     */
    public boolean remark(Paragraph paragraph, Marking mark, String by) {
        if (paragraph.cable() != this) {
            throw new IllegalArgumentException("paragraph " + paragraph.getSeq() + " is not part of " + reference);
        }
        Marking current = paragraph.getEffectiveMarking();
        Marking served = cableWideNoforn && !mark.isForeignRestricted()
                ? new Marking(mark.level(), concat(mark.controls(), Marking.NOFORN)) : mark;
        if (!ProposedMarking.lowers(current, served)) {
            paragraph.remark(mark, cableWideNoforn);
            recomputeBanner();
            return true;
        }
        Marking higher = ProposedMarking.higherOf(current, mark);
        if (!ProposedMarking.same(higher, current)) {
            paragraph.remark(higher, cableWideNoforn);
        }
        paragraph.propose(mark, Objects.requireNonNull(by, "by"));
        recomputeBanner();
        return false;
    }

    private static List<String> concat(List<String> controls, String extra) {
        List<String> out = new ArrayList<>(controls);
        out.add(extra);
        return out;
    }

    /** One pending proposal that {@link #applyProposals} applied. */
    public record AppliedProposal(int seq, Marking before, Marking after, String proposedBy) {
    }

    /**
     * Applies every pending lowered mark (at approval: the second person agrees with it) and recomputes the banner.
     *
     * @return what changed, paragraph by paragraph
     */
    public List<AppliedProposal> applyProposals() {
        List<AppliedProposal> applied = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            ProposedMarking proposal = p.getProposal();
            if (proposal != null) {
                applied.add(new AppliedProposal(p.getSeq(), p.getEffectiveMarking(), proposal.mark(), proposal.by()));
                p.remark(proposal.mark(), cableWideNoforn);
            }
        }
        if (!applied.isEmpty()) {
            recomputeBanner();
        }
        return applied;
    }

    /** The banner is the roll-up (BRIEF 6.2) of every portion, the subject and the cable-wide captions. */
    void recomputeBanner() {
        Marking overall = bannerIf(null, null);
        levelRank = (short) overall.level().ordinal();
        controls = String.join(",", overall.controls());
        banner = overall.banner();
    }

    /**
     * The banner {@link #recomputeBanner} would give if paragraph {@code seq} were marked {@code mark} (both null:
     * as the cable stands). Lets the validator check a change before it is made.
     */
    public Marking bannerIf(Integer seq, Marking mark) {
        List<Marking> portions = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            portions.add(seq != null && p.getSeq() == seq ? mark : p.getEffectiveMarking());
        }
        portions.add(new Marking(getSubjectLevel(), subjectForeignRestricted ? List.of(Marking.NOFORN) : List.of()));
        if (cableWideNoforn) {
            List<String> captions = new ArrayList<>();
            for (String c : getClassification().controls()) {
                if (c.equals(Marking.NOFORN) || c.equals(Marking.EXDIS) || c.equals(Marking.NODIS)) {
                    captions.add(c);
                }
            }
            portions.add(new Marking(ClassificationLevel.UNCLASSIFIED, captions.isEmpty() ? List.of(Marking.NOFORN)
                    : captions));
        }
        return Marking.rollUp(portions);
    }

    /** Proposes hiding characters [start, end) of a paragraph's text. The caller checks the state and the range. */
    public Redaction redact(Paragraph paragraph, int start, int end, List<String> codes, String note, String by,
                            Instant at) {
        if (paragraph.cable() != this) {
            throw new IllegalArgumentException("paragraph " + paragraph.getSeq() + " is not part of " + reference);
        }
        if (end > paragraph.getText().length()) {
            throw new IllegalArgumentException("the redaction runs past the end of the paragraph");
        }
        Redaction r = new Redaction(this, paragraph.getSeq(), start, end, codes, note, by, at);
        redactions.add(r);
        return r;
    }

    /**
     * Proposes hiding characters [start, end) of a header portion's text. The caller checks the state and the
     * range.
     */
    public Redaction redactHeader(HeaderPart part, int start, int end, List<String> codes, String note, String by,
                                  Instant at) {
        Redaction r = new Redaction(this, part, start, end, codes, note, by, at);
        redactions.add(r);
        return r;
    }

    /**
     * A person raised the subject's marking (issue 14, part 3: the subject is a portion); it may only go up, and the
     * banner, the roll-up of every portion and the subject, follows.
     */
    public void raiseSubjectMarking(Marking raised) {
        if (raised.level().ordinal() < subjectLevelRank || (subjectForeignRestricted && !raised.isForeignRestricted()
                && !cableWideNoforn)) {
            throw new IllegalArgumentException("the subject's marking may only be raised here");
        }
        this.subjectLevelRank = (short) raised.level().ordinal();
        this.subjectForeignRestricted |= raised.isForeignRestricted();
        recomputeBanner();
    }

    /** Withdraws a proposed redaction; the removed one is returned, or empty when the cable has no such id. */
    public java.util.Optional<Redaction> removeRedaction(long redactionId) {
        for (Redaction r : redactions) {
            if (r.getId() != null && r.getId() == redactionId) {
                redactions.remove(r);
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    public List<Redaction> getRedactions() {
        return Collections.unmodifiableList(redactions);
    }

    /** Records who changed the cable last; every review write calls it, so that the version always moves on. */
    public void touch(String actor, Instant at) {
        changedBy = actor;
        changedAt = at;
    }

    public String getAssignee() {
        return assignee;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getHoldCode() {
        return holdCode;
    }

    public String getHoldReason() {
        return holdReason;
    }

    public LocalDate getHoldUntil() {
        return holdUntil;
    }

    public WorkflowState getHeldFrom() {
        return heldFrom;
    }

    public String getReturnedReason() {
        return returnedReason;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getOrigin() {
        return origin;
    }

    public String getSerial() {
        return serial;
    }

    public LocalDate getDate() {
        return date;
    }

    public ClassificationLevel getLevel() {
        return ClassificationLevel.values()[levelRank];
    }

    public Marking getClassification() {
        return new Marking(getLevel(), controls.isEmpty() ? List.of() : List.of(controls.split(",")));
    }

    public String getBanner() {
        return banner;
    }

    public boolean isCableWideNoforn() {
        return cableWideNoforn;
    }

    public boolean isForeignRestricted() {
        return cableWideNoforn || getClassification().isForeignRestricted();
    }

    public String getSubject() {
        return subject;
    }

    public ClassificationLevel getSubjectLevel() {
        return ClassificationLevel.values()[subjectLevelRank];
    }

    public boolean isSubjectForeignRestricted() {
        return subjectForeignRestricted;
    }

    public List<String> getTags() {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return tags.charAt(0) == '|' ? List.of(tags.substring(1).split("\\|")) : List.of(tags.split(" "));
    }

    /**
     * The tags column: tags joined by spaces, or, when a tag holds a space (a person tag "SARKOZY, NICOLAS"), by
     * '|' after a leading '|'.
     */
    public static String storedTags(List<String> tags) {
        for (String t : tags) {
            if (t.indexOf(' ') >= 0) {
                return "|" + String.join("|", tags);
            }
        }
        return String.join(" ", tags);
    }

    public DeclassificationKind getDeclassKind() {
        return declassKind;
    }

    public LocalDate getDeclassDate() {
        return declassDate;
    }

    public WorkflowState getState() {
        return state;
    }

    public long getVersion() {
        return version;
    }

    public int getParagraphCount() {
        return paragraphCount;
    }

    public int getErrorCount() {
        return errorCount;
    }

    public int getFindingCount() {
        return findingCount;
    }

    public String getSha256() {
        return sha256;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public Instant getIngestedAt() {
        return ingestedAt;
    }

    public String getIngestedBy() {
        return ingestedBy;
    }

    public List<Paragraph> getParagraphs() {
        return Collections.unmodifiableList(paragraphs);
    }

    public List<CableFinding> getFindings() {
        return Collections.unmodifiableList(findings);
    }

    /** Replaces the marking-rule findings (codes R-...) and keeps the parser's (P-...); recounts. */
    public void replaceRuleFindings(List<org.declass.marking.Finding> ruleFindings) {
        findings.removeIf(f -> f.getCode().startsWith("R-") || f.getCode().startsWith("X-"));
        for (org.declass.marking.Finding f : ruleFindings) {
            CableFinding cf = new CableFinding(f);
            cf.attachTo(this);
            findings.add(cf);
        }
        findingCount = findings.size();
        errorCount = (int) findings.stream().filter(f -> f.getSeverity() == org.declass.marking.Severity.ERROR).count();
    }

    /**
     * A person changed the overall marking (raise the banner, add a NOFORN caption). It may only go up: unmarked
     * paragraphs inheriting it go up with it; a caption-level NOFORN restricts every paragraph and the subject. An
     * unmarked subject carries the overall marking (deny by default), so it goes up with it too.
     *
     * @param subjectUnmarked whether the subject line had no portion mark of its own
     */
    public void raiseOverallMarking(Marking raised, boolean nofornCaption, boolean subjectUnmarked) {
        Marking current = getClassification();
        if (!raised.isAtLeast(current)) {
            throw new IllegalArgumentException("the overall marking may only be raised here: " + current.banner()
                    + " to " + raised.banner());
        }
        this.levelRank = (short) raised.level().ordinal();
        this.controls = String.join(",", raised.controls());
        this.banner = raised.banner();
        this.cableWideNoforn |= nofornCaption;
        for (Paragraph p : paragraphs) {
            p.inheritRaised(raised.level(), this.cableWideNoforn);
        }
        if (subjectUnmarked && raised.level().ordinal() > subjectLevelRank) {
            this.subjectLevelRank = (short) raised.level().ordinal();
        }
        this.subjectForeignRestricted |= this.cableWideNoforn || (subjectUnmarked && raised.isForeignRestricted());
    }

    /**
     * A person set the mark of paragraph {@code seq}; the banner follows, a lowering is a proposal (see
     * {@link #remark}).
     */
    public Paragraph remarkParagraph(int seq, Marking mark, String by) {
        Paragraph p = paragraphs.stream().filter(x -> x.getSeq() == seq).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cable " + reference + " has no paragraph " + seq));
        remark(p, mark, by);
        return p;
    }
}
