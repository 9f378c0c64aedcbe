package org.declass.release;

import java.util.Locale;
import java.util.Optional;

/** The output formats of a cable document; each is built from the same {@link org.declass.redaction.CableDocument}. */
public enum ViewFormat {
    HTML("text/html;charset=UTF-8", "html"),
    TXT("text/plain;charset=UTF-8", "txt"),
    PDF("application/pdf", "pdf"),
    JSON("application/json;charset=UTF-8", "json");

    private final String mediaType;
    private final String extension;

    ViewFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ViewFormat> fromParameter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (ViewFormat f : values()) {
            if (f.extension.equals(v)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
