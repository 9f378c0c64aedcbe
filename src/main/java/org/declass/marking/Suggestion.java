package org.declass.marking;

import java.util.Objects;

/**
 * An obvious fix for a finding, offered to a person as a one-click action; never applied automatically.
 *
 * @param action what to do: {@link #RAISE_BANNER}, {@link #ADD_NOFORN_CAPTION} or {@link #MARK_PARAGRAPH}
 * @param label  the button text, in plain words
 * @param mark   the marking to set, in portion-mark notation ("(S//NF)"): the new overall marking for the
 *               banner actions, the paragraph's new mark for {@link #MARK_PARAGRAPH}
 */
public record Suggestion(String action, String label, String mark) {

    public static final String RAISE_BANNER = "RAISE_BANNER";
    public static final String ADD_NOFORN_CAPTION = "ADD_NOFORN_CAPTION";
    public static final String MARK_PARAGRAPH = "MARK_PARAGRAPH";

    public Suggestion {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(mark, "mark");
    }

    /** The marking to set. */
    public Marking marking() {
        return Marking.parsePortion(mark).orElseThrow(() -> new IllegalStateException("unreadable mark " + mark));
    }

    /** True for the actions that change the cable's overall marking rather than one paragraph. */
    public boolean changesBanner() {
        return !MARK_PARAGRAPH.equals(action);
    }
}
