package org.declass.marking;

import java.util.Locale;
import java.util.Optional;

/** The four classification levels, lowest first, so that {@code compareTo} orders them by sensitivity. */
public enum ClassificationLevel {
    UNCLASSIFIED("U", "UNCLASSIFIED"),
    CONFIDENTIAL("C", "CONFIDENTIAL"),
    SECRET("S", "SECRET"),
    TOP_SECRET("TS", "TOP SECRET");

    private final String abbreviation;
    private final String displayName;

    ClassificationLevel(String abbreviation, String displayName) {
        this.abbreviation = abbreviation;
        this.displayName = displayName;
    }

    /** The portion-mark symbol: U, C, S or TS. */
    public String abbreviation() {
        return abbreviation;
    }

    /** The spelled-out name used in banners and in the API: e.g. "TOP SECRET". */
    public String displayName() {
        return displayName;
    }

    public boolean covers(ClassificationLevel other) {
        return compareTo(other) >= 0;
    }

    public static ClassificationLevel max(ClassificationLevel a, ClassificationLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Accepts the display name, the enum name or the abbreviation, case-insensitively. */
    public static Optional<ClassificationLevel> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
        for (ClassificationLevel level : values()) {
            if (level.displayName.equals(n) || level.abbreviation.equals(n)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
