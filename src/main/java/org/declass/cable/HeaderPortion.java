package org.declass.cable;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.declass.marking.Marking;

/**
 * The review's own decisions on one header portion of a cable (migration V16): a raised marking, a disposition
 * with its codes and note. Created when a reviewer first acts on the portion; a portion without a row has its own
 * mark (else the cable's) and no disposition. Its text stays where it was stored at ingest. Changed only through
 * the review service.
 */
@Entity
@Table(name = "header_portion")
@IdClass(HeaderPortion.Key.class)
public class HeaderPortion {

    @Id
    @Column(name = "cable_id")
    private long cableId;

    @Id
    @Column(length = 20)
    private String name;

    /** A portion mark the review raised it to, e.g. "(S//NF)", or null. */
    @Column(length = 100)
    private String mark;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Disposition disposition;

    @Column(length = 400)
    private String codes;

    @Column(length = 2000)
    private String note;

    protected HeaderPortion() {
    }

    public HeaderPortion(long cableId, HeaderPart part) {
        this.cableId = cableId;
        this.name = part.address();
    }

    public long getCableId() {
        return cableId;
    }

    public HeaderPart getPart() {
        return HeaderPart.byAddress(name).orElseThrow(() -> new IllegalStateException("unknown header portion " + name));
    }

    /** The marking the review raised this portion to, or null. */
    public Marking getMark() {
        return mark == null ? null : Marking.parsePortion(mark).orElse(null);
    }

    public Disposition getDisposition() {
        return disposition;
    }

    public List<String> getCodes() {
        return codes == null || codes.isBlank() ? List.of() : List.of(codes.split(","));
    }

    public String getNote() {
        return note;
    }

    /** Raises the portion's marking; the caller checks that it goes up and what the banner allows. */
    public void raise(Marking raised) {
        this.mark = Objects.requireNonNull(raised, "raised").portionMark();
    }

    public void dispose(Disposition d, List<String> codes, String note) {
        this.disposition = Objects.requireNonNull(d, "disposition");
        this.codes = codes == null || codes.isEmpty() ? null : String.join(",", codes);
        this.note = note;
    }

    /** The composite key (cable_id, name). */
    public static class Key implements Serializable {
        private long cableId;
        private String name;

        public Key() {
        }

        public Key(long cableId, String name) {
            this.cableId = cableId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.cableId == cableId && Objects.equals(k.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cableId, name);
        }
    }
}
