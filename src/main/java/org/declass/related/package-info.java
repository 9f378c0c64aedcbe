/**
 * Related cables (issue 20, part 1): duplicates (the same body under another header), near-duplicates (MinHash of
 * 4-word shingles), passages one cable shares with another (quotes), and the REF links both ways. The fingerprints
 * are pure ({@link org.declass.related.Fingerprints}); {@link org.declass.related.RelatedIndex} keeps them beside the
 * cables, {@link org.declass.related.RelatedService} answers what is related to a cable, through the one disclosure
 * decision: a relation that compares whole bodies is shown only to a reader of both whole cables, a shared passage
 * only to a reader of it in both.
 */
package org.declass.related;
