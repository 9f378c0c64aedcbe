package org.declass.cable;

import java.util.List;

import org.declass.marking.Marking;

/**
 * The rule "a lowered marking is a proposal until approval", for any portion that carries a marking (a paragraph
 * today; the header portions mirror it). A change that lowers a portion (a lower level, or dropping a NOFORN,
 * EXDIS or NODIS restriction) is stored as a proposal, and the portion is served at the higher of its current and
 * the proposed marking until an approver approves the cable; a change that lowers nothing takes effect at once and
 * drops any pending proposal.
 *
 * @param mark the proposed mark
 * @param by   who proposed it
 */
public record ProposedMarking(Marking mark, String by) {

    /**
     * Whether {@code proposed} lowers {@code current} in what decides who may read it: the level, or the foreign
     * restriction (NODIS covers EXDIS, which covers NOFORN).
     *
     * @param current  the marking the portion is served at now (its effective marking)
     * @param proposed the proposed marking as it would be served (cable-wide captions applied)
     */
    public static boolean lowers(Marking current, Marking proposed) {
        return proposed.level().ordinal() < current.level().ordinal()
                || restriction(proposed) < restriction(current);
    }

    /** What the portion is served at while the proposal is pending: the roll-up of both (the higher of the two). */
    public static Marking higherOf(Marking current, Marking proposed) {
        return Marking.rollUp(List.of(current, proposed));
    }

    /** 0 none, 1 NOFORN, 2 EXDIS, 3 NODIS. */
    static int restriction(Marking m) {
        List<String> c = m.controls();
        if (c.contains(Marking.NODIS)) {
            return 3;
        }
        if (c.contains(Marking.EXDIS)) {
            return 2;
        }
        return c.contains(Marking.NOFORN) ? 1 : 0;
    }

    /** Same level and the same controls, in any order. */
    static boolean same(Marking a, Marking b) {
        return a.level() == b.level() && new java.util.HashSet<>(a.controls()).equals(new java.util.HashSet<>(b.controls()));
    }
}
