package org.declass.security;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Adds the account's clearance and NOFORN eligibility to the signed-in identity, once, when the identity is
 * built (on a worker thread). {@link CurrentReader} then needs no database access, so that error pages rendered
 * on the I/O thread can still show who is signed in.
 * <p>
 * An identity from the OpenID Connect provider is never matched with an account by its name alone. A bearer token
 * (API clients, single sign-on on) gets its user name, roles, clearance and NOFORN eligibility from the token's
 * claims ({@link ClaimMapping}), and is refused when {@link SsoAccounts} refuses its user (a LOCAL account of that
 * name, a disabled account). The code flow's identity, which only /login/sso sees, gets no roles and no clearance:
 * that page admits the user and opens a Declass session.
 */
@ApplicationScoped
public class ClearanceAugmentor implements SecurityIdentityAugmentor {

    public static final String CLEARANCE = "declass.clearance";
    public static final String NOFORN = "declass.noforn";

    @Inject
    SsoAccounts ssoAccounts;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(CLEARANCE) != null) {
            return Uni.createFrom().item(identity);
        }
        if (SsoAccounts.isOidc(identity)) {
            return context.runBlocking(() -> fromProvider(identity));
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

    private SecurityIdentity fromProvider(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        if (identity.getCredential(IdTokenCredential.class) != null) {
            return builder.setPrincipal(identity.getPrincipal()).build(); // the code flow: see the class comment
        }
        Map<String, Object> claims = SsoAccounts.claimsOf(identity)
                .orElseThrow(() -> new AuthenticationFailedException("not a JSON web token"));
        SsoAccounts.Admission admission;
        try {
            admission = ssoAccounts.admit(claims);
        } catch (RuntimeException e) { // two first requests of one new user raced to create its account
            admission = ssoAccounts.admit(claims);
        }
        if (admission.refusal().isPresent()) {
            throw new AuthenticationFailedException(admission.refusal().get().message());
        }
        ClaimMapping.Mapped user = admission.user().orElseThrow();
        return builder.setPrincipal(new QuarkusPrincipal(user.username()))
                .addRoles(user.roles())
                .addAttribute(CLEARANCE, user.clearance())
                .addAttribute(NOFORN, user.noforn())
                .build();
    }
}
