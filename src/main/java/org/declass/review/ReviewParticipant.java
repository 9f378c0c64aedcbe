package org.declass.review;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Someone who marked, dispositioned or redacted something on a cable. The two-person rule reads it. */
@Entity
@Table(name = "review_participant")
public class ReviewParticipant {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "cable_id")
        Long cableId;

        @Column(length = 64)
        String username;

        protected Key() {
        }

        Key(Long cableId, String username) {
            this.cableId = cableId;
            this.username = username;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cableId, k.cableId) && Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cableId, username);
        }
    }

    @EmbeddedId
    private Key key;

    protected ReviewParticipant() {
    }

    ReviewParticipant(long cableId, String username) {
        this.key = new Key(cableId, username);
    }

    static Key key(long cableId, String username) {
        return new Key(cableId, username);
    }
}
