package org.declass.signin;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

/**
 * The session cookie as every sign-in writes it (the login form, the second factor, single sign-on, signing out):
 * HttpOnly, SameSite=Strict, path /, no Max-Age, and Secure as {@link SessionConfig#secureCookie()} says, which also
 * decides for the CSRF pre-session cookie.
 */
@ApplicationScoped
public class SessionCookies {

    @Inject
    SessionConfig config;

    /** A cookie that opens the session of this token. */
    public NewCookie session(String token, HttpServerRequest request) {
        return new NewCookie.Builder(config.cookieName()).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure(secure(request)).build();
    }

    /** A cookie that makes the browser forget the session cookie. */
    public NewCookie expired(HttpServerRequest request) {
        return new NewCookie.Builder(config.cookieName()).value("").path("/").httpOnly(true).maxAge(0)
                .sameSite(NewCookie.SameSite.STRICT).secure(secure(request)).build();
    }

    /** Whether a cookie set on this request's answer is Secure: always, never, or when it came over TLS. */
    public boolean secure(HttpServerRequest request) {
        return switch (config.secureCookie()) {
            case "always" -> true;
            case "never" -> false;
            default -> request.isSSL() || "https".equalsIgnoreCase(request.scheme());
        };
    }
}
