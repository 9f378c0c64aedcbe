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

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "ingested_at", nullable = false)
    private Instant ingestedAt;

    @Column(name = "ingested_by", nullable = false, length = 64)
    private String ingestedBy;

    @OneToMany(mappedBy = "cable", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<Paragraph> paragraphs = new ArrayList<>();

    @OneToMany(mappedBy = "cable", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CableFinding> findings = new ArrayList<>();

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
        this.tags = truncate(String.join(" ", tags), 1000);
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
        return tags == null || tags.isBlank() ? List.of() : List.of(tags.split(" "));
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
        findings.removeIf(f -> f.getCode().startsWith("R-"));
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
     * paragraphs inheriting it go up with it; a caption-level NOFORN restricts every paragraph.
     */
    public void raiseOverallMarking(Marking raised, boolean nofornCaption) {
        Marking current = getClassification();
        if (!raised.level().covers(current.level()) || !raised.controls().containsAll(current.controls().stream()
                .filter(c -> !c.equals(Marking.SBU) && !c.equals(Marking.LOU) && !c.equals(Marking.FOUO)).toList())) {
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
    }

    /** A person set the mark of paragraph {@code seq}. */
    public Paragraph remarkParagraph(int seq, Marking mark) {
        Paragraph p = paragraphs.stream().filter(x -> x.getSeq() == seq).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cable " + reference + " has no paragraph " + seq));
        p.remark(mark, cableWideNoforn);
        return p;
    }
}
