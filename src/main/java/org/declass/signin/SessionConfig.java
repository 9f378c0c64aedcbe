package org.declass.signin;

import org.declass.security.Roles;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sign-in and session settings, {@code declass.session.*} (docs/operations.md, "Security"). */
// Every property under declass.session must be a member here: Quarkus refuses to start on an unmapped one.
@ConfigMapping(prefix = "declass.session")
public interface SessionConfig {

    /** The session cookie's name. */
    @WithDefault("declass-session")
    String cookieName();

    /** A session unused this long ends. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A session ends this long after sign-in, however busy. */
    @WithDefault("PT12H")
    Duration absoluteTimeout();

    /**
     * {@code Secure} on the cookie: {@code auto} (when the request came over TLS, directly or as the trusted
     * proxy's X-Forwarded-Proto says), {@code always} or {@code never}.
     */
    @WithDefault("auto")
    String secureCookie();

    /** Failed sign-ins for one account within {@link #failureWindow()} before it answers 429. */
    @WithDefault("5")
    int maxAccountFailures();

    /** Failed sign-ins from one client address within {@link #failureWindow()} before it answers 429. */
    @WithDefault("20")
    int maxAddressFailures();

    @WithDefault("PT15M")
    Duration failureWindow();

    /** The first block's length; each further block within a day doubles it, up to {@link #maxBlock()}. */
    @WithDefault("PT1M")
    Duration firstBlock();

    @WithDefault("PT1H")
    Duration maxBlock();

    /**
     * Roles whose local accounts must sign in with a second factor (TOTP), comma-separated; empty: none. Accounts
     * signed in by an identity provider are its business.
     */
    Optional<Set<String>> secondFactorRoles();
}
