package org.declass.security;

import java.util.Objects;
import java.util.Set;

import org.declass.marking.ClassificationLevel;

/**
 * Who a new session is for. A LOCAL session reads roles and clearance from the account at every request (so a change
 * or a disabled account takes effect at once); an SSO session keeps what the identity provider's claims said at
 * sign-in (roles, clearance, noforn; null clearance: none, UNCLASSIFIED).
 */
public record SessionPrincipal(String username, String source, Set<String> roles, ClassificationLevel clearance,
                               boolean noforn) {

    public SessionPrincipal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(source, "source");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static SessionPrincipal local(String username) {
        return new SessionPrincipal(username, User.LOCAL, Set.of(), null, false);
    }
}
