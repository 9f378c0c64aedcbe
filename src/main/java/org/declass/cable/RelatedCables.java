package org.declass.cable;

import java.util.List;

import org.declass.security.Reader;

/**
 * The cables related to one cable as the cable page and the review screen list them: duplicates, near-duplicates,
 * cables sharing a passage, and REF links both ways, each already decided by the one disclosure decision. The
 * {@code related} feature finds them ({@link Finder}); this package only shows them.
 */
public record RelatedCables(List<Link> duplicates, List<Link> nearDuplicates, List<Link> sharedPassages,
                            List<Link> references, List<Link> referencedBy) {

    /** One related cable: its id (null when not stored here), its reference, and a short note ("83 % similar"). */
    public record Link(Long id, String reference, String note) {
    }

    public static final RelatedCables NONE = new RelatedCables(List.of(), List.of(), List.of(), List.of(), List.of());

    public boolean isEmpty() {
        return duplicates.isEmpty() && nearDuplicates.isEmpty() && sharedPassages.isEmpty() && references.isEmpty()
                && referencedBy.isEmpty();
    }

    /** Finds the related cables of one cable for one reader. */
    public interface Finder {
        RelatedCables of(long cableId, Reader reader);
    }
}
