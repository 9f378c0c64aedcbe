package org.declass.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.declass.cable.CableService;
import org.declass.cable.CableView;
import org.declass.cable.MainAction;
import org.declass.cable.WorkflowState;
import org.declass.security.Reader;
import org.declass.security.Roles;

/**
 * The cable page's main action, by the rules the review aggregate enforces ({@link ReviewService}): a reviewer
 * cleared for the whole cable claims a NEW one; its claimant continues an IN_REVIEW one and resumes a RETURNED
 * one; an approver who did not review it (the two-person rule) approves a SUBMITTED one; a RELEASED cable is read
 * in the reading room. Anything else has no main action.
 */
@ApplicationScoped
public class CableMainAction implements MainAction.Decider {

    @Inject
    CableService cables;

    @Inject
    TwoPersonRule twoPersonRule;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public MainAction of(CableView cable, Reader reader) {
        WorkflowState state = WorkflowState.valueOf(cable.state());
        if (state == WorkflowState.RELEASED) {
            return MainAction.viewRelease(cable.id());
        }
        if (!cable.fullyReadable()) { // the review aggregate refuses every action on a cable not wholly readable
            return null;
        }
        boolean claimant = reader.username().equals(cable.assignee());
        if (reader.hasRole(Roles.REVIEWER)) {
            switch (state) {
                case NEW -> {
                    return new MainAction("claim", "Claim for review", "/review/" + cable.id() + "/claim", true,
                            "Makes you its reviewer; nobody else may change it while you hold it");
                }
                case IN_REVIEW -> {
                    if (claimant) {
                        return new MainAction("continue-review", "Continue review", "/review/" + cable.id(), false,
                                null);
                    }
                }
                case RETURNED -> {
                    if (claimant) {
                        return new MainAction("resume-review", "Resume review", "/review/" + cable.id() + "/claim",
                                true, "The approver returned it to you");
                    }
                }
                default -> {
                }
            }
        }
        if (reader.hasRole(Roles.APPROVER) && state == WorkflowState.SUBMITTED
                && twoPersonRule.refusal(cables.get(cable.id()), reader.username(), "approve") == null) {
            return new MainAction("approve", "Approve…", "/review/" + cable.id() + "/approve", false,
                    "Compare the full text with what the public will receive, then approve or return it");
        }
        return null;
    }
}
