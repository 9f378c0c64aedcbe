package org.declass.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

/** The reader behind the current request, looked up once per request. */
@RequestScoped
@Named("reader")
public class CurrentReader {

    @Inject
    SecurityIdentity identity;

    private Reader reader;

    @Transactional(Transactional.TxType.SUPPORTS)
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
        User user = User.findByUsername(identity.getPrincipal().getName());
        return user == null ? Reader.ANONYMOUS : Reader.of(user);
    }
}
