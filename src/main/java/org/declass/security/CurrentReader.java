package org.declass.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.declass.marking.ClassificationLevel;

/** The reader behind the current request, from the identity that {@link ClearanceAugmentor} completed. */
@RequestScoped
@Named("reader")
public class CurrentReader {

    @Inject
    SecurityIdentity identity;

    private Reader reader;

    public Reader get() {
        if (reader == null) {
            reader = resolve();
        }
        return reader;
    }

    private Reader resolve() {
        if (identity == null || identity.isAnonymous()) {
            return Reader.ANONYMOUS;
        }
        ClassificationLevel clearance = identity.getAttribute(ClearanceAugmentor.CLEARANCE);
        Boolean noforn = identity.getAttribute(ClearanceAugmentor.NOFORN);
        if (clearance == null || noforn == null) {
            return Reader.ANONYMOUS; // no account behind this identity: deny by default
        }
        return new Reader(identity.getPrincipal().getName(), identity.getRoles(), clearance, noforn, false);
    }
}
