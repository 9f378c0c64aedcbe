package org.declass.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A released cable as the public receives it, frozen at the moment of release: the public {@link
 * org.declass.redaction.CableDocument} as JSON and its plain text. Immutable: it has no setters, and a correction is
 * a new version. Nothing withheld is in it.
 */
@Entity
@Table(name = "released_version")
public class ReleasedVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cable_id", nullable = false, updatable = false)
    private long cableId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Column(nullable = false, length = 64, updatable = false)
    private String reference;

    @Column(length = 64, updatable = false)
    private String origin;

    @Column(name = "cable_date", updatable = false)
    private LocalDate date;

    /** The tags as released: none when the review withheld the tags, and never one a redaction touches. */
    @Column(length = 1000, updatable = false)
    private String tags;

    /** The SUBJECT line as released: its placeholder when the review withheld it, redactions applied. */
    @Column(length = 2000, updatable = false)
    private String subject;

    @Column(name = "former_banner", nullable = false, length = 200, updatable = false)
    private String formerBanner;

    @Column(name = "released_at", nullable = false, updatable = false)
    private Instant releasedAt;

    @Column(name = "released_by", nullable = false, length = 64, updatable = false)
    private String releasedBy;

    @Column(name = "approved_by", nullable = false, length = 64, updatable = false)
    private String approvedBy;

    @Column(nullable = false, length = 1000, updatable = false)
    private String authority;

    @Column(name = "document_json", nullable = false, length = 1_000_000, updatable = false)
    private String documentJson;

    @Column(name = "released_text", nullable = false, length = 1_000_000, updatable = false)
    private String releasedText;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    protected ReleasedVersion() {
    }

    ReleasedVersion(long cableId, int versionNo, String reference, String origin, LocalDate date, List<String> tags,
                    String subject, String formerBanner, Instant releasedAt, String releasedBy, String approvedBy,
                    String authority, String documentJson, String releasedText, String sha256) {
        this.cableId = cableId;
        this.versionNo = versionNo;
        this.reference = reference;
        this.origin = origin;
        this.date = date;
        this.tags = tags == null || tags.isEmpty() ? null : String.join(",", tags);
        this.subject = subject;
        this.formerBanner = formerBanner;
        this.releasedAt = releasedAt;
        this.releasedBy = releasedBy;
        this.approvedBy = approvedBy;
        this.authority = authority;
        this.documentJson = documentJson;
        this.releasedText = releasedText;
        this.sha256 = sha256;
    }

    public Long getId() {
        return id;
    }

    /** The id the database gave this version when it was inserted in a batch ({@link ReleasedVersionRows}). */
    void storedAs(long id) {
        if (this.id != null) {
            throw new IllegalStateException("released version " + this.id + " is already stored");
        }
        this.id = id;
    }

    /** The stored form of the tags (comma-separated), for batch inserts. */
    String tagsColumn() {
        return tags;
    }

    public long getCableId() {
        return cableId;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public String getReference() {
        return reference;
    }

    public String getOrigin() {
        return origin;
    }

    public LocalDate getDate() {
        return date;
    }

    public List<String> getTags() {
        return tags == null ? List.of() : Arrays.asList(tags.split(","));
    }

    public String getSubject() {
        return subject;
    }

    public String getFormerBanner() {
        return formerBanner;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    public String getReleasedBy() {
        return releasedBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getAuthority() {
        return authority;
    }

    public String getDocumentJson() {
        return documentJson;
    }

    public String getReleasedText() {
        return releasedText;
    }

    public String getSha256() {
        return sha256;
    }
}
