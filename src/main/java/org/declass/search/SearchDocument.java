package org.declass.search;

import java.util.List;

import org.declass.security.Classification;

/**
 * What one searchable thing (a cable, a released cable) holds, as its source reads it now: its portions, each with
 * its classification, and the keyword fields its filters use.
 *
 * @param key      the thing's id (a cable id)
 * @param day      its date in epoch days, for the date order ({@link Long#MIN_VALUE} when undated)
 * @param portions the texts to search, each matched only by readers who may read it
 * @param keywords exact-match filter fields (origin, level, tag), visible to every reader of the document
 */
public record SearchDocument(long key, long day, List<Portion> portions, List<Keyword> keywords) {

    public SearchDocument {
        portions = List.copyOf(portions);
        keywords = List.copyOf(keywords);
    }

    /** One portion's text and the marking a reader must be cleared for to match it. */
    public record Portion(String text, Classification classification) {
    }

    /** An exact-match field: {@code field} is "origin", "level", "tag"; values are compared in lower case. */
    public record Keyword(String field, String value) {
    }
}
