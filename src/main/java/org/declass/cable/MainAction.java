package org.declass.cable;

import org.declass.security.Reader;

/**
 * The one main action the cable page offers a reader for the state the cable is in and the reader's roles: claim
 * it, continue (or resume) its review, approve it, or view its release in the reading room. Null when there is
 * none for this reader (someone else's review, a cable the reader may not act on).
 *
 * @param id    the button's element id
 * @param label what the button says
 * @param href  where it goes: a page (GET) or, when {@code post}, the form's action
 * @param post  a form posted with the page's version and CSRF token (claim, resume) rather than a link
 * @param hint  one sentence saying what it does, or null
 */
public record MainAction(String id, String label, String href, boolean post, String hint) {

    /** A released cable's main action, for every reader: its public copy in the reading room. */
    public static MainAction viewRelease(long cableId) {
        return new MainAction("view-release", "View the release", "/reading-room/" + cableId, false,
                "The released version, exactly as the public reads it");
    }

    /**
     * Decides the main action. The review feature implements it (who may claim, resume or approve is its rule, the
     * two-person rule included), so that the cable page offers only what the review aggregate would accept.
     */
    public interface Decider {
        MainAction of(CableView cable, Reader reader);
    }
}
