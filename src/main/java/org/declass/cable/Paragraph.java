package org.declass.cable;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.declass.marking.ClassificationLevel;
import org.declass.marking.Marking;

/**
 * One portion of a cable's body, with the mark written on it (or none) and the effective marking the access
 * policy uses: its own mark, else the "entire text" level, else the cable's level; NOFORN by caption applies to all.
 */
@Entity
@Table(name = "paragraph")
public class Paragraph {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cable_id")
    private Cable cable;

    @Column(nullable = false)
    private int seq;

    private Integer number;

    @Column(length = 8)
    private String sub;

    @Column(length = 2000)
    private String heading;

    /** The written mark's level rank, or null when the paragraph carries no mark. */
    @Column(name = "mark_level_rank")
    private Short markLevelRank;

    @Column(name = "mark_controls", length = 200)
    private String markControls;

    @Column(name = "effective_level_rank", nullable = false)
    private short effectiveLevelRank;

    @Column(name = "foreign_restricted", nullable = false)
    private boolean foreignRestricted;

    @Column(name = "start_offset", nullable = false)
    private int startOffset;

    @Column(name = "end_offset", nullable = false)
    private int endOffset;

    @Column(nullable = false, length = 1_000_000)
    private String text;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(length = 10)
    private Disposition disposition;

    @Column(name = "disposition_codes", length = 400)
    private String dispositionCodes;

    @Column(name = "disposition_note", length = 2000)
    private String dispositionNote;

    /** A pending lowered mark (see {@link ProposedMarking}); null when nothing is pending. Migration V15. */
    @Column(name = "proposed_level_rank")
    private Short proposedLevelRank;

    @Column(name = "proposed_controls", length = 200)
    private String proposedControls;

    @Column(name = "proposed_by", length = 64)
    private String proposedBy;

    protected Paragraph() {
    }

    public Paragraph(int seq, Integer number, String sub, String heading, Marking mark, Marking effective,
                     boolean cableWideNoforn, String text, int startOffset, int endOffset) {
        this.seq = seq;
        this.number = number;
        this.sub = sub;
        this.heading = heading == null || heading.length() <= 2000 ? heading : heading.substring(0, 2000);
        if (mark != null) {
            this.markLevelRank = (short) mark.level().ordinal();
            this.markControls = String.join(",", mark.controls());
        }
        this.effectiveLevelRank = (short) effective.level().ordinal();
        this.foreignRestricted = effective.isForeignRestricted() || cableWideNoforn;
        this.text = text;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
    }

    void attachTo(Cable owner) {
        this.cable = owner;
    }

    Cable cable() {
        return cable;
    }

    /**
     * A new written mark; the effective marking follows it, and any pending proposal is dropped. Called through
     * {@link Cable#remark} and {@link Cable#applyProposals}, which decide whether a change takes effect at once.
     */
    void remark(Marking mark, boolean cableWideNoforn) {
        this.markLevelRank = (short) mark.level().ordinal();
        this.markControls = String.join(",", mark.controls());
        this.effectiveLevelRank = markLevelRank;
        this.foreignRestricted = mark.isForeignRestricted() || cableWideNoforn;
        withdrawProposal();
    }

    /**
     * Stores a lowered mark as pending; the effective marking is left as it is. Called through
     * {@link Cable#remark}.
     */
    void propose(Marking mark, String by) {
        this.proposedLevelRank = (short) mark.level().ordinal();
        this.proposedControls = String.join(",", mark.controls());
        this.proposedBy = by;
    }

    void withdrawProposal() {
        this.proposedLevelRank = null;
        this.proposedControls = null;
        this.proposedBy = null;
    }

    /** The pending lowered mark and who proposed it, or null when nothing is pending. */
    public ProposedMarking getProposal() {
        if (proposedLevelRank == null) {
            return null;
        }
        return new ProposedMarking(new Marking(ClassificationLevel.values()[proposedLevelRank],
                proposedControls == null || proposedControls.isEmpty() ? List.of()
                        : List.of(proposedControls.split(","))), proposedBy);
    }

    /** Release (perhaps with redactions) or withhold in full, with the exemption codes that justify it. */
    public void dispose(Disposition decision, List<String> codes, String note) {
        this.disposition = java.util.Objects.requireNonNull(decision, "disposition");
        this.dispositionCodes = codes == null || codes.isEmpty() ? null : String.join(",", codes);
        this.dispositionNote = note;
    }

    /** The marking the access policy applies: the effective level, the written controls, NOFORN when restricted. */
    public Marking getEffectiveMarking() {
        Marking mark = getMark();
        List<String> controls = new java.util.ArrayList<>(mark == null ? List.of() : mark.controls());
        if (foreignRestricted && !(mark != null && mark.isForeignRestricted())) {
            controls.add(Marking.NOFORN);
        }
        return new Marking(getEffectiveLevel(), controls);
    }

    public Disposition getDisposition() {
        return disposition;
    }

    public List<String> getDispositionCodes() {
        return dispositionCodes == null || dispositionCodes.isEmpty() ? List.of()
                : List.of(dispositionCodes.split(","));
    }

    public String getDispositionNote() {
        return dispositionNote;
    }

    /** "5", "5.A", or "s7" for an unnumbered block: how the API addresses this paragraph. */
    public String getAddress() {
        if (number == null) {
            return "s" + seq;
        }
        return sub == null || sub.isEmpty() ? String.valueOf(number) : number + "." + sub;
    }

    public Long getId() {
        return id;
    }

    public int getSeq() {
        return seq;
    }

    public Integer getNumber() {
        return number;
    }

    public String getSub() {
        return sub;
    }

    public String getHeading() {
        return heading;
    }

    /** The mark written on the paragraph, or null. */
    public Marking getMark() {
        if (markLevelRank == null) {
            return null;
        }
        return new Marking(ClassificationLevel.values()[markLevelRank],
                markControls == null || markControls.isEmpty() ? List.of() : List.of(markControls.split(",")));
    }

    public ClassificationLevel getEffectiveLevel() {
        return ClassificationLevel.values()[effectiveLevelRank];
    }

    public boolean isForeignRestricted() {
        return foreignRestricted;
    }

    public int getStartOffset() {
        return startOffset;
    }

    public int getEndOffset() {
        return endOffset;
    }

    public String getText() {
        return text;
    }

    /** The cable's marking was raised: an unmarked paragraph, which inherits it, is raised with it. */
    void inheritRaised(ClassificationLevel cableLevel, boolean cableWideNoforn) {
        if (markLevelRank == null && cableLevel.ordinal() > effectiveLevelRank) {
            this.effectiveLevelRank = (short) cableLevel.ordinal();
        }
        if (cableWideNoforn) {
            this.foreignRestricted = true;
        }
    }
}
