package org.declass.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Display-only formatting for the pages. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** {@code {cable.ingestedAt.utc}} → "2026-11-28 07:19 UTC". */
    static String utc(Instant instant) {
        return instant == null ? "" : UTC_MINUTES.format(instant);
    }
}
