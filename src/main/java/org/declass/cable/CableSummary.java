package org.declass.cable;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the cable list. The subject is null, and the tags empty, when the reader may not read them.
 * {@code releaseOn} and {@code releaseBasis} are the effective release date and how it was derived (null before it
 * has been computed, and the date null for an event nobody has recorded).
 */
public record CableSummary(Long id, String reference, String origin, LocalDate date, String level, String banner,
                           String subject, boolean subjectWithheld, List<String> tags, String state,
                           String declassKind, LocalDate declassDate, int paragraphCount, int findingCount,
                           int errorCount, String subjectPlaceholder, List<Hit> hits, LocalDate releaseOn,
                           String releaseBasis) {

    /**
     * Where a search matched in a paragraph the reader may read: the paragraph's sequence number and address, and
     * the text around the hit, HTML-escaped, with each hit inside {@code <mark>…</mark>}.
     */
    public record Hit(int paragraph, String address, String snippet) {
    }

    /** This row with the search's hits. */
    CableSummary withHits(List<Hit> found) {
        return new CableSummary(id, reference, origin, date, level, banner, subject, subjectWithheld, tags, state,
                declassKind, declassDate, paragraphCount, findingCount, errorCount, subjectPlaceholder,
                List.copyOf(found), releaseOn, releaseBasis);
    }

    /** @param subjectPlaceholder what stands in the withheld subject's place (the disclosure decision's), else null */
    static CableSummary of(Cable c, boolean subjectReadable, boolean tagsReadable, String subjectPlaceholder) {
        return new CableSummary(c.getId(), c.getReference(), c.getOrigin(), c.getDate(), c.getLevel().displayName(),
                c.getBanner(), subjectReadable ? c.getSubject() : null, !subjectReadable,
                tagsReadable ? c.getTags() : List.of(),
                c.getState().name(), c.getDeclassKind().name(), c.getDeclassDate(), c.getParagraphCount(),
                c.getFindingCount(), c.getErrorCount(), subjectReadable ? null : subjectPlaceholder, List.of(),
                c.getReleaseOn(), c.getReleaseBasis() == null ? null : c.getReleaseBasis().name());
    }
}
