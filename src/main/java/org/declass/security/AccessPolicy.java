package org.declass.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.declass.marking.ClassificationLevel;

/**
 * The one place that decides who may read which portion. Every output path (pages, API, exports, search) asks
 * it before it emits the text of a portion. Deny by default: anonymous readers never read unreleased text; a
 * signed-in reader reads a portion only when their clearance covers its level and, for portions that may not go
 * to foreign nationals (NOFORN, EXDIS, NODIS), only when they are NOFORN-eligible.
 */
@ApplicationScoped
public class AccessPolicy {

    /**
     * @param level             the portion's effective level (its own mark, or the cable's level when unmarked)
     * @param foreignRestricted whether the portion, or the whole cable by caption, is NOFORN/EXDIS/NODIS
     */
    public boolean mayRead(Reader reader, ClassificationLevel level, boolean foreignRestricted) {
        if (reader == null || reader.anonymous()) {
            return false;
        }
        if (level == null || !reader.clearance().covers(level)) {
            return false;
        }
        return !foreignRestricted || reader.nofornEligible();
    }

    /** Placeholder shown instead of a portion the reader may not read: gives the level, never the text. */
    public String withheldPlaceholder(ClassificationLevel level, boolean foreignRestricted) {
        String mark = level == null ? "?" : level.abbreviation();
        return "[withheld: (" + mark + (foreignRestricted ? "//NF" : "") + ") portion]";
    }
}
