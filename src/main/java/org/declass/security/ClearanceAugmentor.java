package org.declass.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Adds the account's clearance and NOFORN eligibility to the signed-in identity, once, when the identity is
 * built (on a worker thread). {@link CurrentReader} then needs no database access, so that error pages rendered
 * on the I/O thread can still show who is signed in.
 */
@ApplicationScoped
public class ClearanceAugmentor implements SecurityIdentityAugmentor {

    static final String CLEARANCE = "declass.clearance";
    static final String NOFORN = "declass.noforn";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(CLEARANCE) != null) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            User user = QuarkusTransaction.joiningExisting()
                    .call(() -> User.findByUsername(identity.getPrincipal().getName()));
            if (user == null) {
                return identity;
            }
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(CLEARANCE, user.clearance)
                    .addAttribute(NOFORN, user.nofornEligible)
                    .build();
        });
    }
}
