package org.declass.signin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How a request proves who sent it: the session cookie of a browser signed in through the login page (server-side
 * sessions, {@link WebSessions}), or HTTP Basic credentials for API clients (checked by {@link PasswordCheckCache},
 * throttled by {@link SignInGuard}). A bearer token is left to the OpenID Connect mechanism when single sign-on is
 * on. A session cookie that no longer opens a session (signed out, timed out, disabled) counts as no credentials: a
 * public page still answers, a protected one asks to sign in.
 * <p>
 * The challenge: the API answers 401 with a Basic challenge; a page sends the browser to the login page, with the
 * page asked for as {@code next}.
 */
@ApplicationScoped
public class SessionAuthMechanism implements HttpAuthenticationMechanism {

    @Inject
    SessionConfig config;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identityProviderManager) {
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordAuthenticationRequest basic = basic(authorization.substring(6).trim());
            if (basic == null) {
                return Uni.createFrom().failure(new AuthenticationFailedException("unreadable Basic credentials"));
            }
            return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(basic, rc));
        }
        if (authorization != null) {
            return Uni.createFrom().nullItem(); // a bearer token: the OpenID Connect mechanism's, when enabled
        }
        Cookie cookie = rc.request().getCookie(config.cookieName());
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        SessionTokenRequest request = new SessionTokenRequest(cookie.getValue());
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, rc))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    static UsernamePasswordAuthenticationRequest basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new UsernamePasswordAuthenticationRequest(decoded.substring(0, colon),
                new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.startsWith("/api/") || path.equals("/api")) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate",
                    "Basic realm=\"Declass\""));
        }
        String location = "/login";
        if (rc.request().method() == HttpMethod.GET && !path.equals("/") && !path.startsWith("/login")) {
            String uri = rc.request().uri();
            location += "?next=" + URLEncoder.encode(uri, StandardCharsets.UTF_8);
        }
        return Uni.createFrom().item(new ChallengeData(302, HttpHeaders.LOCATION, location));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, SessionTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE,
                config.cookieName()));
    }

    /** Before Quarkus's own mechanisms (and the OpenID Connect one): its challenge is the one sent. */
    @Override
    public int getPriority() {
        return 3_000;
    }
}
