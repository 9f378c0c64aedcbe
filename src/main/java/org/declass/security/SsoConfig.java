package org.declass.security;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Single sign-on through an OpenID Connect provider, {@code declass.sso.*} (docs/operations.md, "Single sign-on
 * (OpenID Connect)"): whether it is on, the label of its button, and how the provider's claims become a Declass
 * account ({@link ClaimMapping}). The provider itself (its URL, the client id and secret) is {@code quarkus.oidc.*}.
 */
// Every property under declass.sso must be a member here: Quarkus refuses to start on an unmapped one.
@ConfigMapping(prefix = "declass.sso")
public interface SsoConfig {

    /** Off by default: local accounts only; /login/sso answers 404 and the login page shows no button. */
    @WithDefault("false")
    boolean enabled();

    /** The login page's button reads "Sign in with" and this. */
    @WithDefault("single sign-on")
    String providerLabel();

    /** The claim holding the user name (lower-cased; at most 64 characters). */
    @WithDefault("preferred_username")
    String usernameClaim();

    /** The claim holding the roles: a list (or one string, comma- or space-separated); a dotted path reaches in. */
    @WithDefault("declass_roles")
    String rolesClaim();

    /**
     * The provider's role names to Declass roles ({@code declass.sso.role-map."records-officer"=AUDITOR}). Empty: a
     * value counts when it is a Declass role's name (any case). Not empty: only the values listed here count.
     */
    Map<String, String> roleMap();

    /** The claim holding the clearance: UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP_SECRET (any case). */
    @WithDefault("declass_clearance")
    String clearanceClaim();

    /** The claim saying NOFORN eligibility: true (a boolean, or the string "true"). */
    @WithDefault("declass_noforn")
    String nofornClaim();
}
