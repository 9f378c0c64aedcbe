package org.declass.account;

import java.time.Instant;
import java.util.List;

import org.declass.security.User;

/**
 * An account as administrators see it, over the API and on the pages. Never the password hash or the TOTP secret:
 * only whether a second factor is enrolled.
 */
public record AccountView(String username, List<String> roles, String clearance, boolean noforn, boolean disabled,
                          String source, boolean secondFactorEnrolled, Instant createdAt) {

    public static AccountView of(User user) {
        AccountGrant grant = AccountGrant.of(user);
        return new AccountView(user.username, grant.roles(), user.clearance.displayName(), user.nofornEligible,
                user.disabled, user.source, user.totpSecret != null, user.createdAt);
    }

    /** Managed by an identity provider: its roles, clearance and password are the provider's. */
    public boolean sso() {
        return User.SSO.equals(source);
    }
}
