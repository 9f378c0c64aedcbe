package org.declass.suggest;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A suggestion a reviewer dismissed, remembered by cable and {@link Suggestion#rejectionKey} (paragraph, kind and
 * the hash of the normalised text), so that it is not proposed again when the suggestions are computed anew. The
 * reason is classified at the paragraph's level, like the audit entry that records the same rejection. Migration
 * V20.
 */
@Entity
@Table(name = "suggestion_rejection")
public class SuggestionRejection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cable_id", nullable = false)
    private long cableId;

    @Column(name = "paragraph_seq", nullable = false)
    private int paragraphSeq;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(name = "text_key", nullable = false, length = 64)
    private String textKey;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "rejected_by", nullable = false, length = 64)
    private String rejectedBy;

    @Column(name = "rejected_at", nullable = false)
    private Instant rejectedAt;

    protected SuggestionRejection() {
    }

    SuggestionRejection(long cableId, Suggestion s, String reason, String rejectedBy, Instant rejectedAt) {
        this.cableId = cableId;
        this.paragraphSeq = s.seq();
        this.kind = s.kind().name();
        this.textKey = s.rejectionKey();
        this.reason = Objects.requireNonNull(reason, "reason");
        this.rejectedBy = Objects.requireNonNull(rejectedBy, "rejectedBy");
        this.rejectedAt = Objects.requireNonNull(rejectedAt, "rejectedAt");
    }

    public String getTextKey() {
        return textKey;
    }

    public String getReason() {
        return reason;
    }

    public String getRejectedBy() {
        return rejectedBy;
    }
}
