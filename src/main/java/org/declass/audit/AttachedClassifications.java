package org.declass.audit;

import java.util.Collection;
import java.util.Map;

import org.declass.security.Classification;

/**
 * What an audit entry is attached to, as the disclosure decision needs it: for each cable, its banner and each
 * paragraph's current classification. Implemented in {@code cable} (which imports {@code audit}, never the other
 * way round) with a few batched queries per call, never one per cable.
 */
public interface AttachedClassifications {

    /**
     * The classifications of these cables, by id. A cable that does not exist is absent from the answer (its
     * entries are then treated as TOP SECRET, restricted: deny by default).
     */
    Map<Long, CableClassifications> of(Collection<Long> cableIds);

    /**
     * A cable's banner and its paragraphs' current classifications (by seq): the higher of the old and a pending
     * marking, that is, what each portion carries for readers now.
     */
    record CableClassifications(Classification banner, Map<Integer, Classification> paragraphs) {

        public CableClassifications {
            java.util.Objects.requireNonNull(banner, "banner");
            paragraphs = Map.copyOf(paragraphs);
        }

        /**
         * The whole cable: its banner, or higher when a portion stands above the banner (a mis-marked cable whose
         * R-LVL-1 finding is still open). For a correctly marked cable, the banner.
         */
        public Classification whole() {
            Classification c = banner;
            for (Classification p : paragraphs.values()) {
                c = c.atLeast(p);
            }
            return c;
        }

        /** A paragraph by seq; one unknown to the cable (a header portion, a removed seq) counts as the whole. */
        public Classification paragraph(Integer seq) {
            Classification p = seq == null ? null : paragraphs.get(seq);
            return p == null ? whole() : p;
        }
    }
}
