package org.declass.web;

import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The security headers of every response, whoever produced it: a page, the API, an error page, the refusal of the
 * authentication layer (401, the login redirect), a static file or {@link RequestGate}'s 400. A route filter that
 * runs before everything else (before CORS and authentication) and writes the headers when the response's headers
 * are about to go out.
 * <ul>
 * <li>{@code Content-Security-Policy}: {@link #CSP}, no inline script or style anywhere (the templates have none);
 * the Swagger UI, which needs inline script, gets {@link #SWAGGER_UI_CSP} under /q/swagger-ui only. A response that
 * set its own policy keeps it (the standalone document view allows exactly its own inline stylesheet by hash).</li>
 * <li>{@code X-Frame-Options: DENY}, {@code Referrer-Policy: no-referrer}, {@code X-Content-Type-Options: nosniff}.</li>
 * <li>{@code Cache-Control: no-store} on everything that is not public. Public: the static files (/css, /js, /img,
 * the favicon), and for a request without credentials (no Authorization, no cookie, an anonymous identity) the
 * landing page, the reading room and {@code /api/releases}, unless the response sets a cookie. Everything else
 * (classified pages, JSON, the original text, error pages) is no-store, whatever the resource set.</li>
 * <li>{@code Strict-Transport-Security} only on a request that arrived over TLS, directly or, when the proxy headers
 * are trusted ({@code quarkus.http.proxy.*}), as the proxy says (X-Forwarded-Proto / Forwarded).</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Above CORS (300) and authentication (200), and above {@link RequestGate}, so its refusals carry the headers. */
    static final int PRIORITY = 1_100;

    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The Swagger UI's page starts itself with an inline script and inline styles: allowed there only. */
    public static final String SWAGGER_UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private static final Pattern STATIC = Pattern.compile("/(css|js|img)/.*|/favicon\\.ico");
    private static final Pattern PUBLIC_FOR_ANONYMOUS = Pattern.compile(
            "/|/reading-room|/reading-room/.*|/api/releases|/api/releases/.*");

    @Inject
    WebConfig config;

    void register(@Observes Filters filters) {
        boolean swaggerUi = config.swaggerUi();
        filters.register(rc -> {
            rc.addHeadersEndHandler(v -> apply(rc, swaggerUi));
            rc.next();
        }, PRIORITY);
    }

    static void apply(RoutingContext rc, boolean swaggerUi) {
        HttpServerRequest request = rc.request();
        MultiMap headers = rc.response().headers();
        String path = RequestGate.normalizedPath(rc);
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", swaggerUi && RequestGate.isSwaggerUi(path) ? SWAGGER_UI_CSP : CSP);
        }
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        boolean credentials = rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                || request.getHeader("Authorization") != null || request.getHeader("Cookie") != null;
        // a cookie the response sets: in the headers (REST) or in the request's cookie jar (Vert.x), which holds
        // none of the request's own here, since a request with a Cookie header counts as having credentials
        boolean setsCookie = headers.contains("Set-Cookie") || request.cookieCount() > 0;
        if (!isPublic(path, credentials, setsCookie)) {
            headers.set("Cache-Control", "no-store");
        }
        if (request.isSSL() || "https".equalsIgnoreCase(request.scheme())) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }

    /**
     * Whether a response may be kept by a cache: a static file always; the landing page, the reading room and its
     * API only for a request without credentials (a signed-in visitor's page names them) and when the response sets
     * no cookie (a cache would hand it to everyone).
     */
    static boolean isPublic(String path, boolean credentials, boolean setsCookie) {
        if (path == null) {
            return false;
        }
        if (STATIC.matcher(path).matches()) {
            return true;
        }
        return !credentials && !setsCookie && PUBLIC_FOR_ANONYMOUS.matcher(path).matches();
    }
}
