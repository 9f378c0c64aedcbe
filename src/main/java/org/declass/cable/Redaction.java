package org.declass.cable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A proposed redaction: characters [start, end) of one paragraph's text (or of a header portion's), with the exemption codes that justify
 * it. Part of the cable aggregate; made and removed only through {@link Cable#redact} and
 * {@link Cable#removeRedaction}.
 */
@Entity
@Table(name = "redaction")
public class Redaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cable_id")
    private Cable cable;

    @Column(name = "paragraph_seq", nullable = false)
    private int paragraphSeq;

    /** The header portion redacted ("subject", "ref", ...), or null for a paragraph's redaction (seq 0 then). */
    @Column(length = 20)
    private String portion;

    @Column(name = "start_offset", nullable = false)
    private int start;

    @Column(name = "end_offset", nullable = false)
    private int end;

    @Column(nullable = false, length = 400)
    private String codes;

    @Column(length = 2000)
    private String note;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Redaction() {
    }

    Redaction(Cable cable, int paragraphSeq, int start, int end, List<String> codes, String note, String createdBy,
              Instant createdAt) {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a redaction needs 0 <= start < end");
        }
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("a redaction needs at least one exemption code");
        }
        this.cable = cable;
        this.paragraphSeq = paragraphSeq;
        this.start = start;
        this.end = end;
        this.codes = String.join(",", codes);
        this.note = note;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A redaction of characters [start, end) of a header portion's text ({@link HeaderPortions#text}). */
    Redaction(Cable cable, HeaderPart part, int start, int end, List<String> codes, String note, String createdBy,
              Instant createdAt) {
        this(cable, 0, start, end, codes, note, createdBy, createdAt);
        this.portion = part.address();
    }

    public Long getId() {
        return id;
    }

    public int getParagraphSeq() {
        return paragraphSeq;
    }

    /** The header portion's address, or null when this redacts a paragraph. */
    public String getPortion() {
        return portion;
    }

    public int getStart() {
        return start;
    }

    public int getEnd() {
        return end;
    }

    public List<String> getCodes() {
        return List.of(codes.split(","));
    }

    public String getNote() {
        return note;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
