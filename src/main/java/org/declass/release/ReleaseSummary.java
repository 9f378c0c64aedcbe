package org.declass.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One released cable in a reading-room result list: public facts only, from release_listing. */
public record ReleaseSummary(long id, String reference, String origin, LocalDate date, String subject,
                             List<String> tags, String formerBanner, Instant releasedAt, int version) {

    /** The permanent address of the cable's page in the reading room. */
    public String url() {
        return "/reading-room/" + id;
    }
}
