package org.declass.signin;

import org.declass.security.User;
import org.declass.security.Roles;
import org.declass.security.ClearanceAugmentor;
import java.util.Optional;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.marking.ClassificationLevel;

/**
 * The identity of a live session: for a local account its roles, clearance and NOFORN eligibility as the account
 * row says now (a change or a disabled account takes effect at the next request); for a session signed in by an
 * identity provider what its claims said at sign-in, as long as its account row is not disabled.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    /** The session row's id (the token's SHA-256) on the identity: sign-out and the CSRF token use it. */
    public static final String SESSION_ID = "declass.session";

    @Inject
    WebSessions sessions;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SecurityIdentity identity = QuarkusTransaction.requiringNew().call(() -> identity(request.token()));
            if (identity == null) {
                throw new AuthenticationFailedException();
            }
            return identity;
        });
    }

    /** The identity, or null (after ending the session, committed) when the token opens none. */
    private SecurityIdentity identity(String token) {
        Optional<WebSession> found = sessions.active(token);
        if (found.isEmpty()) {
            return null;
        }
        WebSession s = found.get();
        User user = User.findByUsername(s.username);
        if (user == null || user.disabled || !user.source.equals(s.source)) {
            sessions.end(token, WebSessions.DISABLED);
            return null;
        }
        boolean local = User.LOCAL.equals(s.source);
        Set<String> roles = local ? Set.copyOf(user.roleList()) : Roles.parse(s.roles);
        ClassificationLevel clearance = local ? user.clearance
                : s.clearance == null ? ClassificationLevel.UNCLASSIFIED : s.clearance;
        boolean noforn = local ? user.nofornEligible : Boolean.TRUE.equals(s.noforn);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(s.username))
                .addRoles(roles)
                .addAttribute(ClearanceAugmentor.CLEARANCE, clearance)
                .addAttribute(ClearanceAugmentor.NOFORN, noforn)
                .addAttribute(SESSION_ID, s.id)
                .build();
    }
}
