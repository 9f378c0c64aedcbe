package org.declass.web;

/**
 * A state-changing request refused before it changed anything ({@link CrossSiteRequests}): it came from another
 * origin, or a request signed in by the session cookie carried no valid CSRF token. Answers 403.
 */
public class CrossSiteRefused extends RuntimeException {

    /** The words every token refusal ends with: what happened, from the user's side, and what to do. */
    static final String RELOAD = "the form is out of date or came from another site; reload the page and try again";

    CrossSiteRefused(String message) {
        super(message);
    }
}
