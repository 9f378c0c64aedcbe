package org.declass.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses cross-site requests that would change something (docs/decisions/0002-csrf.md), before any resource runs:
 * <ol>
 * <li>The origin, on every request other than GET, HEAD and OPTIONS, whatever authenticates it: an {@code Origin}
 * header must be this server's own origin (scheme, host and port as the request reached it; behind a trusted proxy
 * as Quarkus rewrote them from its forwarded headers). {@code Origin: null} passes only when the browser also says
 * {@code Sec-Fetch-Site: same-origin} (a page of ours under {@code Referrer-Policy: no-referrer} posts so). Without
 * an Origin, {@code Sec-Fetch-Site} must not be {@code cross-site} or {@code same-site}, and else a {@code Referer}
 * must be of this origin. A request with none of them (curl, scripts) passes this check.</li>
 * <li>The token, on such a request without an {@code Authorization} header (a browser's, signed in by the session
 * cookie or not signed in at all): the form field {@value CsrfToken#FIELD} or the header {@value CsrfToken#HEADER}
 * must hold the {@link CsrfToken} of its session, or before sign-in of its pre-session cookie. The form is read
 * first ({@link WithFormRead}), so a multipart upload carries the token as an ordinary field.</li>
 * </ol>
 * Either refusal is a {@link CrossSiteRefused}: 403, naming the problem, nothing changed.
 */
public class CrossSiteRequests {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    String key;

    /** Before matching a resource and before reading the body: a request from another origin goes no further. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public void checkOrigin(HttpServerRequest request) {
        if (SAFE_METHODS.contains(request.method().name())) {
            return;
        }
        String refusal = originRefusal(ownOrigin(request), request.getHeader("Origin"),
                request.getHeader("Sec-Fetch-Site"), request.getHeader("Referer"));
        if (refusal != null) {
            Log.debugf("refused %s %s: %s", request.method(), request.path(), refusal);
            throw new CrossSiteRefused(refusal);
        }
    }

    /** After the form is read: a browser's request carries the token of its session (or pre-session cookie). */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    @WithFormRead
    public void checkToken(ResteasyReactiveContainerRequestContext context, RoutingContext rc) {
        if (SAFE_METHODS.contains(context.getMethod())
                || context.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        String presented = context.getHeaderString(CsrfToken.HEADER);
        if (presented == null && isForm(context.getMediaType())) {
            Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                    .getFormParameter(CsrfToken.FIELD, true, false);
            presented = field instanceof String s ? s : null;
        }
        if (presented == null || presented.isBlank()) {
            throw new CrossSiteRefused("the request carries no CSRF token (form field " + CsrfToken.FIELD
                    + "): " + CrossSiteRefused.RELOAD);
        }
        String session = CsrfToken.sessionId(rc);
        String preSession = CsrfToken.preSessionCookie(rc);
        boolean valid = session != null && CsrfToken.same(CsrfToken.forSession(key, session), presented);
        // before sign-in; and the login forms also when a session is live (a browser that came from another site
        // to the login page sent no SameSite=Strict cookie, so it got a pre-session form)
        if (!valid && preSession != null && (session == null || isSignIn(rc.normalizedPath()))) {
            valid = CsrfToken.same(CsrfToken.forPreSession(key, preSession), presented);
        }
        if (!valid) {
            throw new CrossSiteRefused("the CSRF token does not belong to "
                    + (session != null ? "your session" : "this browser") + ": " + CrossSiteRefused.RELOAD);
        }
    }

    /** Why a state-changing request from {@code origin} (and so on) is refused at {@code own}; null: it is not. */
    static String originRefusal(String own, String origin, String fetchSite, String referer) {
        if (origin != null) {
            if ("null".equals(origin.trim())) {
                return "same-origin".equals(fetchSite) ? null
                        : "refused: the browser would not say which site the request came from (Origin: null); "
                        + "nothing was changed";
            }
            String from = originOf(origin);
            return from != null && from.equals(own) ? null : "refused: the request came from another site ("
                    + shorten(origin) + "), not from " + own + "; nothing was changed";
        }
        if (fetchSite != null) {
            return "cross-site".equals(fetchSite) || "same-site".equals(fetchSite)
                    ? "refused: the browser says the request came from another site (Sec-Fetch-Site: " + fetchSite
                    + "); nothing was changed" : null;
        }
        if (referer != null) {
            String from = originOf(referer);
            return from != null && from.equals(own) ? null : "refused: the request came from a page of another site ("
                    + (from == null ? "an unreadable Referer" : from) + "), not from " + own + "; nothing was changed";
        }
        return null;
    }

    /** This server's origin as the request reached it: scheme://host[:port], the port only when not the default. */
    static String ownOrigin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null || authority.host() == null || authority.host().isEmpty()) {
            return "(no Host header)";
        }
        return origin(request.scheme(), authority.host(), authority.port());
    }

    /** The origin of an Origin header or a URL, normalised as {@link #ownOrigin}; null when it has none. */
    static String originOf(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String origin(String scheme, String host, int port) {
        String s = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
        int defaultPort = s.equals("https") ? 443 : s.equals("http") ? 80 : -1;
        return s + "://" + host.toLowerCase(Locale.ROOT) + (port < 0 || port == defaultPort ? "" : ":" + port);
    }

    /** A form body, whose fields the filter can read: url-encoded or multipart (exactly; no wildcards). */
    private static boolean isForm(MediaType type) {
        if (type == null) {
            return false;
        }
        String t = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        return t.equals(MediaType.APPLICATION_FORM_URLENCODED) || t.equals(MediaType.MULTIPART_FORM_DATA);
    }

    private static boolean isSignIn(String path) {
        return path != null && (path.equals("/login") || path.startsWith("/login/"));
    }

    private static String shorten(String s) {
        String t = s.trim();
        return t.length() <= 100 ? t : t.substring(0, 100) + "…";
    }
}
