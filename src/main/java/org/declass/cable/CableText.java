package org.declass.cable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The original text of a cable, verbatim, and the header details read from it (as JSON), kept apart from the
 * {@link Cable} row so that lists and filters never read them.
 */
@Entity
@Table(name = "cable_text")
public class CableText {

    @Id
    @Column(name = "cable_id")
    private Long cableId;

    @Column(nullable = false, length = 1_000_000)
    private String original;

    @Column(name = "header_json", nullable = false, length = 1_000_000)
    private String headerJson;

    /** The marking facts the validator checks ({@link org.declass.marking.CableMarkings}) as JSON, or null. */
    @Column(name = "marking_json", length = 1_000_000)
    private String markingJson;

    protected CableText() {
    }

    public CableText(Long cableId, String original, String headerJson) {
        this.cableId = cableId;
        this.original = original;
        this.headerJson = headerJson;
    }

    public Long getCableId() {
        return cableId;
    }

    public String getOriginal() {
        return original;
    }

    public String getMarkingJson() {
        return markingJson;
    }

    void setMarkingJson(String markingJson) {
        this.markingJson = markingJson;
    }

    public String getHeaderJson() {
        return headerJson;
    }
}
