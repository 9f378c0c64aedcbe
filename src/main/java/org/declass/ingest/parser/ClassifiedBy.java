package org.declass.ingest.parser;

/** Who classified the cable, as read from the CLASSIFIED BY line; any part may be null. */
public record ClassifiedBy(String name, String title, String office) {
}
