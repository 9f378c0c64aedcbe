package org.declass.security;

import java.util.Objects;

import org.declass.marking.ClassificationLevel;
import org.declass.marking.Marking;

/**
 * What the disclosure decision needs to know of anything it guards (a portion, a header line, a note, the
 * original): its level and whether it may go to foreign nationals (NOFORN, EXDIS, NODIS, by its own mark or by a
 * caption of the whole cable).
 */
public record Classification(ClassificationLevel level, boolean foreignRestricted) {

    public static final Classification UNCLASSIFIED = new Classification(ClassificationLevel.UNCLASSIFIED, false);

    public Classification {
        Objects.requireNonNull(level, "level");
    }

    public static Classification of(Marking marking) {
        return marking == null ? UNCLASSIFIED : new Classification(marking.level(), marking.isForeignRestricted());
    }

    public static Classification of(ClassificationLevel level, boolean foreignRestricted) {
        return new Classification(level, foreignRestricted);
    }

    /** The more restrictive of the two: the higher level, restricted when either is. */
    public Classification atLeast(Classification other) {
        if (other == null) {
            return this;
        }
        return new Classification(ClassificationLevel.max(level, other.level),
                foreignRestricted || other.foreignRestricted);
    }

    /** "S", "C//NF": the level and the restriction, as a placeholder shows them. */
    public String mark() {
        return level.abbreviation() + (foreignRestricted ? "//NF" : "");
    }
}
