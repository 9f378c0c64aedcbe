package org.declass.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.declass.signin.SessionIdentityProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token of this request, for the forms: {@code <input type="hidden" name="_csrf"
 * value="{inject:csrf.token}">} in every form that posts (docs/decisions/0002-csrf.md).
 * <p>
 * For a browser signed in by the session cookie the token is an HMAC, under the session key, of the session's id
 * (the SHA-256 of the cookie's token, {@link SessionIdentityProvider#SESSION_ID}): every instance computes the same
 * one, and it dies with the session. Before sign-in (the login form, the second factor) it is an HMAC of a random
 * pre-session cookie, {@value #PRE_SESSION_COOKIE} (HttpOnly, SameSite=Strict), which this bean sets when a page
 * first needs it, so that a login form posted from another site is refused too. {@link CrossSiteRequests} checks it.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    /** The form field that carries the token. */
    public static final String FIELD = "_csrf";

    /** The header that may carry it instead (a script's request). */
    public static final String HEADER = "X-CSRF-Token";

    /** The random cookie the token is bound to before sign-in. */
    public static final String PRE_SESSION_COOKIE = "declass-csrf";

    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{32,100}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RoutingContext rc;


    @Inject
    org.declass.signin.SessionCookies cookies;

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    String key;

    private String token;

    /** The token to put into this page's forms. */
    public String token() {
        if (token == null) {
            String session = sessionId(rc);
            token = session != null ? forSession(key, session) : forPreSession(key, preSessionCookie());
        }
        return token;
    }

    /** The name of the form field, for a template that prefers not to spell it. */
    public String field() {
        return FIELD;
    }

    /** The pre-session cookie the browser sent, or a new one set on this response. */
    private String preSessionCookie() {
        String sent = preSessionCookie(rc);
        if (sent != null) {
            return sent;
        }
        if (rc.response().headWritten()) {
            throw new IllegalStateException("the CSRF cookie must be set before the page's headers are sent");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        boolean secure = cookies.secure(rc.request());
        rc.response().addCookie(Cookie.cookie(PRE_SESSION_COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secure));
        return value;
    }

    /** The well-formed pre-session cookie of the request, or null. */
    static String preSessionCookie(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(PRE_SESSION_COOKIE);
        return cookie == null || cookie.getValue() == null || !COOKIE_VALUE.matcher(cookie.getValue()).matches()
                ? null : cookie.getValue();
    }

    /** The id of the server-side session that authenticated the request, or null when none did. */
    static String sessionId(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity() != null
                && user.getSecurityIdentity().getAttribute(SessionIdentityProvider.SESSION_ID) instanceof String id) {
            return id;
        }
        return null;
    }

    static String forSession(String key, String sessionId) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmacHex("csrf-session\n" + sessionId);
    }

    static String forPreSession(String key, String cookie) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmacHex("csrf-pre-session\n" + cookie);
    }

    /** Compares in constant time. */
    static boolean same(String expected, String presented) {
        return expected != null && presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
