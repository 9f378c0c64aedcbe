package org.declass.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One released cable in a reading-room result list: public facts only, from release_listing. */
public record ReleaseSummary(long id, String reference, String origin, LocalDate date, String subject,
                             List<String> tags, String formerBanner, Instant releasedAt, int version,
                             List<Hit> hits) {

    public ReleaseSummary(long id, String reference, String origin, LocalDate date, String subject, List<String> tags,
                          String formerBanner, Instant releasedAt, int version) {
        this(id, reference, origin, date, subject, tags, formerBanner, releasedAt, version, List.of());
    }

    /**
     * Where a search matched in the released text: the paragraph (counted from 1 in the released text) and the text
     * around the hit, HTML-escaped, with each hit inside {@code <mark>…</mark>}. Only released text is ever shown.
     */
    public record Hit(int paragraph, String snippet) {
    }

    ReleaseSummary withHits(List<Hit> found) {
        return new ReleaseSummary(id, reference, origin, date, subject, tags, formerBanner, releasedAt, version,
                List.copyOf(found));
    }

    /** The permanent address of the cable's page in the reading room. */
    public String url() {
        return "/reading-room/" + id;
    }
}
