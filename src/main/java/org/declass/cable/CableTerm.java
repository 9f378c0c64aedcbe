package org.declass.cable;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of the word index (see {@link CableTerms}); written by ingest, read by the list's text filter. */
@Entity
@Table(name = "cable_term")
@IdClass(CableTerm.Key.class)
public class CableTerm {

    @Id
    @Column(length = 64)
    private String term;

    @Id
    @Column(name = "cable_id")
    private Long cableId;

    /** The cable's date ({@link CableTerms#day}), so that a word's rows are read in list order (V12). */
    @Column(name = "cable_day", nullable = false)
    private LocalDate cableDay;

    @Column(name = "level_rank", nullable = false)
    private short levelRank;

    @Column(name = "foreign_restricted", nullable = false)
    private boolean foreignRestricted;

    protected CableTerm() {
    }

    public CableTerm(long cableId, LocalDate cableDate, CableTerms.Term t) {
        this.term = t.term();
        this.cableId = cableId;
        this.cableDay = CableTerms.day(cableDate);
        this.levelRank = t.levelRank();
        this.foreignRestricted = t.foreignRestricted();
    }

    public static class Key implements Serializable {
        String term;
        Long cableId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(term, k.term) && Objects.equals(cableId, k.cableId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(term, cableId);
        }
    }
}
