package org.declass.release;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Upcoming releases as an RFC 5545 calendar: CRLF line endings, content lines folded at 75 octets (never inside a
 * UTF-8 sequence), text values escaped, one all-day VEVENT per cable with a stable UID and a DTSTAMP. Only what the
 * subscriber may see: the reference and the release date, and the subject only when they are cleared for it.
 */
public final class ICalendarFeed {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendarFeed() {
    }

    public static String render(List<ReleaseCalendar.Item> items, Instant now, String host) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Declass//Release calendar//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text("Declass releases"));
        for (ReleaseCalendar.Item i : items) {
            if (i.releaseOn() == null) {
                continue;
            }
            line(out, "BEGIN:VEVENT");
            line(out, "UID:cable-" + i.id() + "-release@" + host);
            line(out, "DTSTAMP:" + STAMP.format(now));
            line(out, "DTSTART;VALUE=DATE:" + DAY.format(i.releaseOn()));
            line(out, "DTEND;VALUE=DATE:" + DAY.format(i.releaseOn().plusDays(1)));
            line(out, "SUMMARY:" + text("Release due: " + i.reference()
                    + (i.subject() != null && !i.subject().isBlank() ? " - " + i.subject() : "")));
            line(out, "DESCRIPTION:" + text("Cable " + i.reference() + ", state " + i.state()
                    + ", release date " + i.releaseOn() + "."));
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newline escaped. */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and one space. */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int limit = 75;
        int start = 0;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while (end > start && (bytes[end] & 0xC0) == 0x80) {
                end--; // do not split a UTF-8 sequence
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74; // the leading space counts
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }

}
