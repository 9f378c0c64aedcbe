package org.declass.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.cable.Cable;

/**
 * The two-person rule, written once: nobody who reviewed a cable (claimed it, or marked, dispositioned, redacted
 * it or applied a finding's fix to it) may approve or release it. Approval ({@link ReviewService#approve}), the
 * approver screen ({@link ReviewService#screen}) and "release now" ({@code release.ReleaseActions}) ask it.
 */
@ApplicationScoped
public class TwoPersonRule {

    @Inject
    EntityManager em;

    /** Whether {@code username} reviewed the cable: its claimant, or someone recorded as a participant. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean reviewed(Cable c, String username) {
        return username.equals(c.getAssignee()) || participated(c, username);
    }

    /** Whether {@code username} marked, dispositioned, redacted or applied a fix on the cable. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean participated(Cable c, String username) {
        return em.find(ReviewParticipant.class, ReviewParticipant.key(c.getId(), username)) != null;
    }

    /** Why {@code username} may not {@code what} the cable (for a screen), or null when they may. */
    public String refusal(Cable c, String username, String what) {
        return reviewed(c, username) ? "two-person rule: you reviewed cable " + c.getReference()
                + " (claimed, marked or redacted it), so another approver must " + what + " it" : null;
    }

    /** Refuses with 403 when {@code username} reviewed the cable. */
    public void check(Cable c, String username, String what) {
        String refusal = refusal(c, username, what);
        if (refusal != null) {
            throw new NotPermitted(refusal);
        }
    }

    /** Records that {@code username} changed something on the cable (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void participates(Cable c, String username) {
        if (!participated(c, username)) {
            em.persist(new ReviewParticipant(c.getId(), username));
        }
    }
}
