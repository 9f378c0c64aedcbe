package org.declass.redaction;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.declass.marking.ClassificationLevel;

/**
 * The one source of every placeholder text Declass emits in place of something a reader may not see. A placeholder
 * depends only on a level (and the foreign-release restriction) or on exemption codes: never on what it hides, so
 * two hidden passages of different lengths under the same level or codes give the same text. Renderers tell a
 * placeholder from text by the piece's kind, never by these strings.
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** A portion (paragraph, subject, references, tags, ...) the reader is not cleared for. */
    public static String withheldPortion(ClassificationLevel level, boolean foreignRestricted) {
        return "[withheld: (" + mark(level, foreignRestricted) + ") portion]";
    }

    /** A note or reason the reader is not cleared for: the level of what it is attached to, nothing else. */
    public static String withheldNote(ClassificationLevel level, boolean foreignRestricted) {
        return "[withheld: (" + mark(level, foreignRestricted) + ") note]";
    }

    /** A redacted span of released text: its exemption codes only. */
    public static String redacted(List<String> codes) {
        return "[REDACTED" + suffix(codes) + "]";
    }

    /** A portion the review withheld in full from release: its exemption codes only. */
    public static String withheldInFull(List<String> codes) {
        return "[WITHHELD IN FULL" + suffix(codes) + "]";
    }

    private static String mark(ClassificationLevel level, boolean foreignRestricted) {
        return (level == null ? "?" : level.abbreviation()) + (foreignRestricted ? "//NF" : "");
    }

    private static String suffix(List<String> codes) {
        Set<String> set = new LinkedHashSet<>();
        if (codes != null) {
            for (String c : codes) {
                if (c != null && !c.isBlank()) {
                    set.add(c.trim());
                }
            }
        }
        return set.isEmpty() ? "" : " " + String.join(" ", set);
    }
}
