package org.declass.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The iCalendar feed is valid RFC 5545: CRLF, folding at 75 octets, UID and DTSTAMP, escaped text. */
class ICalendarFeedTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:15:00Z");

    static ReleaseCalendar.Item item(long id, String subject) {
        return new ReleaseCalendar.Item(id, "07LJUBLJANA402", LocalDate.of(2027, 5, 21), "DECL_DATE", "APPROVED",
                subject, subject == null, null, subject == null ? "[withheld: (S) portion]" : null);
    }

    @Test
    void everyLineEndsWithCrlfAndNoLineIsLongerThan75Octets() {
        String subject = "SLOVENIA: A VERY LONG INVENTED SUBJECT, WITH COMMAS; SEMICOLONS AND ÜMLAUTS ÄÖÜ ÄÖÜ ÄÖÜ ÄÖÜ"
                + " THAT NEEDS FOLDING MORE THAN ONCE TO FIT";
        String ics = ICalendarFeed.render(List.of(item(7, subject)), NOW, "declass");
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:Release due: 07LJUBLJANA402 - SLOVENIA: A VERY LONG INVENTED SUBJECT\\,"
                + " WITH COMMAS\\; SEMICOLONS AND ÜMLAUTS");
    }

    @Test
    void eachEventHasAStableUidADtstampAndAnAllDayDate() {
        String ics = ICalendarFeed.render(List.of(item(7, null)), NOW, "declass");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
                .contains("UID:cable-7-release@declass\r\n")
                .contains("DTSTAMP:20261128T101500Z\r\n")
                .contains("DTSTART;VALUE=DATE:20270521\r\n")
                .contains("DTEND;VALUE=DATE:20270522\r\n")
                .endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void aWithheldSubjectNeverAppears() {
        String ics = ICalendarFeed.render(List.of(item(7, null)), NOW, "declass");
        assertThat(ics).contains("SUMMARY:Release due: 07LJUBLJANA402\r\n");
    }
}
