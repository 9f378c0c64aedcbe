package org.declass.bulk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.cable.CableService;
import org.declass.review.InvalidRequest;
import org.declass.security.Reader;

/**
 * The cables a search selects, for a bulk redaction's {@code q}: the seam to the cable list's search. Today that
 * search matches every paragraph the reader may read, the subject, the reference and the tags (the full-text
 * index, issue 18 part 1), through the one disclosure decision. Only the ids leave here.
 */
@ApplicationScoped
class CableSelection {

    @Inject
    CableService cables;

    /** The ids of the cables {@code q} selects for this reader, newest first; more than {@code max} is a 400. */
    List<Long> select(String q, int max, Reader reader) {
        List<Long> ids = cables.searchIds(q, reader, max + 1);
        if (ids.size() > max) {
            throw tooMany(max);
        }
        return ids;
    }

    private static InvalidRequest tooMany(int max) {
        return new InvalidRequest("the search q selects more than " + String.format(java.util.Locale.ROOT, "%,d", max)
                + " cables; narrow it (a bulk redaction acts on at most that many)");
    }
}
