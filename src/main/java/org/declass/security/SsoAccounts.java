package org.declass.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.base64url.Base64Url;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * The accounts an identity provider vouches for (source SSO): what its verified token says about a user becomes an
 * {@code app_user} row, kept up to date at every sign-in, so that administrators see and can disable it. A provider
 * never signs in as a LOCAL account of the same name, nor as an SSO account an administrator disabled.
 */
@ApplicationScoped
public class SsoAccounts {

    /** Why the provider's user may not sign in. */
    public enum Refusal {
        /** The token names no user name Declass can use. */
        NO_USER("the identity provider did not name a user that Declass can use"),
        /** A local account has this name: an identity provider must not take it over. */
        LOCAL_ACCOUNT("an account of this name signs in here with its own password, not through the identity "
                + "provider"),
        /** An administrator disabled the account. */
        DISABLED("this account is disabled");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** The verified user, or why not. */
    public record Admission(Optional<ClaimMapping.Mapped> user, Optional<Refusal> refusal) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SsoConfig config;

    /**
     * Maps the claims of a verified token and admits its user: creates the SSO account on first sign-in (with a random
     * password hash nobody knows; HTTP Basic and the login form refuse SSO accounts anyway), or brings its roles,
     * clearance and NOFORN eligibility up to date. Problems in the claims are logged (names and values, never the
     * token).
     */
    @Transactional
    public Admission admit(Map<String, Object> claims) {
        Optional<ClaimMapping.Mapped> mapped = ClaimMapping.of(config).map(claims);
        if (mapped.isEmpty()) {
            Log.warnf("single sign-on: claim %s names no usable user name", config.usernameClaim());
            return new Admission(Optional.empty(), Optional.of(Refusal.NO_USER));
        }
        ClaimMapping.Mapped m = mapped.get();
        for (String problem : m.problems()) {
            Log.warnf("single sign-on of %s: %s", m.username(), problem);
        }
        User user = User.findByUsername(m.username());
        if (user != null && !User.SSO.equals(user.source)) {
            Log.warnf("single sign-on of %s refused: a local account has that name", m.username());
            return new Admission(mapped, Optional.of(Refusal.LOCAL_ACCOUNT));
        }
        if (user != null && user.disabled) {
            return new Admission(mapped, Optional.of(Refusal.DISABLED));
        }
        if (user == null) {
            user = User.add(m.username(), unusablePassword(), m.roles(), m.clearance(), m.noforn());
            user.source = User.SSO;
            Log.infof("single sign-on: account %s created (roles %s, clearance %s%s)", m.username(), m.roles(),
                    m.clearance(), m.noforn() ? ", NOFORN-eligible" : "");
        } else {
            String roles = String.join(",", m.roles());
            if (!roles.equals(user.roles) || user.clearance != m.clearance() || user.nofornEligible != m.noforn()) {
                user.roles = roles;
                user.clearance = m.clearance();
                user.nofornEligible = m.noforn();
            }
        }
        return new Admission(mapped, Optional.empty());
    }

    /**
     * The claims of the verified token behind an OpenID Connect identity (the ID token's after the code flow, the
     * access token's for a bearer token), as plain Java; empty for any other identity.
     */
    public static Optional<Map<String, Object>> claimsOf(SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        String raw = jwt.getRawToken();
        String[] parts = raw == null ? new String[0] : raw.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            // already verified by quarkus-oidc; only its payload is read here
            return Optional.of(new LinkedHashMap<>(JwtClaims.parse(Base64Url.decodeToUtf8String(parts[1]))
                    .getClaimsMap()));
        } catch (InvalidJwtException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether this identity came from the OpenID Connect provider (a verified token), not from a Declass account. */
    public static boolean isOidc(SecurityIdentity identity) {
        return identity != null && identity.getPrincipal() instanceof JsonWebToken;
    }

    private static String unusablePassword() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
