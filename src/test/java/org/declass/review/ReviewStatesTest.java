package org.declass.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.cable.WorkflowState.APPROVED;
import static org.declass.cable.WorkflowState.IN_REVIEW;
import static org.declass.cable.WorkflowState.NEW;
import static org.declass.cable.WorkflowState.ON_HOLD;
import static org.declass.cable.WorkflowState.RELEASED;
import static org.declass.cable.WorkflowState.RETURNED;
import static org.declass.cable.WorkflowState.SUBMITTED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.declass.cable.WorkflowState;
import org.junit.jupiter.api.Test;

/** The whole transition table, written out once more by hand: a change to the machine must change this test. */
class ReviewStatesTest {

    static final Map<WorkflowState, Set<WorkflowState>> TABLE = Map.of(
            NEW, EnumSet.of(IN_REVIEW, ON_HOLD),
            IN_REVIEW, EnumSet.of(SUBMITTED, ON_HOLD),
            SUBMITTED, EnumSet.of(APPROVED, RETURNED, ON_HOLD),
            RETURNED, EnumSet.of(IN_REVIEW, ON_HOLD),
            APPROVED, EnumSet.of(RELEASED, ON_HOLD),
            ON_HOLD, EnumSet.of(NEW, IN_REVIEW, SUBMITTED, RETURNED, APPROVED),
            RELEASED, EnumSet.noneOf(WorkflowState.class));

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenTheTableSaysSo() {
        for (WorkflowState from : WorkflowState.values()) {
            for (WorkflowState to : WorkflowState.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(TABLE.get(from).contains(to));
            }
        }
    }

    @Test
    void anyStateBeforeReleasedMayBeHeldButNotReleasedOrAHeldOne() {
        for (WorkflowState s : WorkflowState.values()) {
            assertThat(s.mayBeHeld()).as(s.name()).isEqualTo(s != RELEASED && s != ON_HOLD);
            assertThat(s.allows("hold")).as(s.name()).isEqualTo(s.mayBeHeld());
        }
    }

    @Test
    void onlyACableInReviewMayBeMarkedOrRedacted() {
        for (WorkflowState s : WorkflowState.values()) {
            assertThat(s.isEditable()).isEqualTo(s == IN_REVIEW);
            assertThat(s.allows("mark")).isEqualTo(s == IN_REVIEW);
            assertThat(s.allows("redact")).isEqualTo(s == IN_REVIEW);
            assertThat(s.allows("disposition")).isEqualTo(s == IN_REVIEW);
        }
    }

    @Test
    void aSubmittedCableCanOnlyBeApprovedReturnedOrHeld() {
        assertThat(SUBMITTED.allowedActions()).containsExactly("approve", "return", "hold");
    }

    @Test
    void aNewOrReturnedCableIsClaimedAndAHeldOneIsOnlyLifted() {
        assertThat(NEW.allows("claim")).isTrue();
        assertThat(RETURNED.allows("claim")).isTrue();
        assertThat(ON_HOLD.allowedActions()).containsExactly("unhold");
        assertThat(RELEASED.allowedActions()).isEmpty();
    }

    @Test
    void everyActionLeadsToAStateTheMachineAllows() {
        Map<String, WorkflowState> target = Map.of("claim", IN_REVIEW, "submit", SUBMITTED, "approve", APPROVED,
                "return", RETURNED, "hold", ON_HOLD, "release", RELEASED);
        for (WorkflowState s : WorkflowState.values()) {
            for (String action : s.allowedActions()) {
                if (target.containsKey(action)) {
                    assertThat(s.canMoveTo(target.get(action))).as(s + " " + action).isTrue();
                }
            }
        }
    }

    @Test
    void theTransitionMessageNamesTheStateAndTheAllowedActions() {
        assertThat(TransitionNotAllowed.inState("09X1", SUBMITTED, "redact").getMessage())
                .isEqualTo("cannot redact cable 09X1: it is SUBMITTED; allowed actions: approve, return, hold");
    }
}
