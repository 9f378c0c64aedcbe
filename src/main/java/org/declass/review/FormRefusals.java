package org.declass.review;

import jakarta.persistence.OptimisticLockException;
import org.declass.cable.FindingsService;
import org.declass.security.NotCleared;
import org.hibernate.StaleStateException;

/**
 * The refusals a review form shows next to itself (issue 19): the status of each (as the error mapping answers
 * them), and the message in the user's words. A lost race speaks of the cable, not of rows and versions.
 */
public final class FormRefusals {

    private FormRefusals() {
    }

    /** 400, 403, 404 or 409 for a refusal a form shows again; 0 for anything else. */
    public static int status(RuntimeException e) {
        if (e instanceof InvalidRequest) {
            return 400;
        }
        if (e instanceof NotPermitted || e instanceof NotCleared) {
            return 403;
        }
        if (e instanceof ParagraphNotFound || e instanceof FindingsService.SuggestionNotFound) {
            return 404;
        }
        if (e instanceof TransitionNotAllowed || stale(e)) {
            return 409;
        }
        return 0;
    }

    /** Whether the form was sent from a page older than the cable (a second tab, a colleague's change). */
    public static boolean stale(RuntimeException e) {
        return e instanceof StaleVersion || e instanceof OptimisticLockException || e instanceof StaleStateException;
    }

    public static String message(RuntimeException e) {
        return stale(e) ? "this cable changed since you opened it; nothing was changed" : e.getMessage();
    }
}
