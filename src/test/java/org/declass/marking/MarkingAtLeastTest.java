package org.declass.marking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A banner may be raised only to a marking that is at least the current one. */
class MarkingAtLeastTest {

    static Marking m(String portion) {
        return Marking.parsePortion(portion).orElseThrow();
    }

    @Test
    void aHigherLevelWithTheSameControlsIsAtLeastTheLowerOne() {
        assertThat(m("(S//NF)").isAtLeast(m("(C//NF)"))).isTrue();
        assertThat(m("(S)").isAtLeast(m("(S)"))).isTrue();
    }

    @Test
    void aLowerLevelOrADroppedControlIsNot() {
        assertThat(m("(C)").isAtLeast(m("(S)"))).isFalse();
        assertThat(m("(S)").isAtLeast(m("(C//NF)"))).isFalse();
    }

    @Test
    void aClassifiedLevelReplacesTheUnclassifiedHandlingControls() {
        assertThat(m("(C)").isAtLeast(m("(SBU)"))).isTrue();
        assertThat(m("(C)").isAtLeast(m("(U//FOUO)"))).isTrue();
    }
}
