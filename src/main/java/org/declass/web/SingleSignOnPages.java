package org.declass.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.declass.security.ClaimMapping;
import org.declass.signin.ClientAddress;
import org.declass.signin.SessionConfig;
import org.declass.security.SsoAccounts;
import org.declass.security.SsoConfig;
import org.declass.signin.WebSessions;

/**
 * Single sign-on (docs/operations.md, "Single sign-on (OpenID Connect)"): {@code GET /login/sso} is the one path
 * of the OpenID Connect code flow ({@code quarkus.http.auth.permission.sso}). quarkus-oidc sends the browser to the
 * identity provider and back and verifies the ID token; this page then maps its claims
 * ({@link org.declass.security.ClaimMapping}), admits the user ({@link SsoAccounts}: never over a LOCAL account,
 * never a disabled one), opens a Declass session as the login form does, and drops the provider's session cookie:
 * from here on the Declass session is the only one. With single sign-on off it is not there (404).
 */
@Path("/login/sso")
@Produces(MediaType.TEXT_HTML)
public class SingleSignOnPages {

    static final String MECHANISM = "sso";

    @Inject
    SsoConfig sso;

    @Inject
    SessionConfig sessionConfig;

    @Inject
    org.declass.signin.SessionCookies cookies;

    @Inject
    SecurityIdentity identity;

    @Inject
    SsoAccounts accounts;

    @Inject
    WebSessions sessions;

    @Inject
    Instance<OidcSession> oidcSession;

    @Inject
    org.declass.audit.SignInAudit events;

    @Inject
    RoutingContext rc;

    @Inject
    Landing landing;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedIn(String next);
    }

    @GET
    public Response signIn(@QueryParam("next") String next) {
        if (!sso.enabled() || !SsoAccounts.isOidc(identity)) {
            throw new NotFoundException();
        }
        String address = ClientAddress.of(rc);
        Map<String, Object> claims = SsoAccounts.claimsOf(identity).orElse(Map.of());
        SsoAccounts.Admission admission = accounts.admit(claims);
        endProviderSession();
        if (admission.refusal().isPresent()) {
            String name = admission.user().map(ClaimMapping.Mapped::username).orElse("");
            signInEvent(name, Set.of(), admission.refusal().get().name(), address);
            throw new WebApplicationException("Not signed in: " + admission.refusal().get().message() + ".", 403);
        }
        ClaimMapping.Mapped user = admission.user().orElseThrow();
        endCurrentSession(); // a new sign-in never keeps an old session's token
        String token = sessions.open(user.principal(), false, address);
        signInEvent(user.username(), user.roles(), null, address);
        // a page, not a redirect: the browser comes here in a chain of redirects started on the provider's site, and
        // would not send the new SameSite=Strict cookie on a redirect of that chain; the page's own refresh does
        String target = landing.target(next, new org.declass.security.Reader(user.username(), user.roles(),
                user.clearance(), user.noforn(), false));
        return Response.ok(Templates.signedIn(target)).cookie(sessionCookie(token)).build();
    }

    /**
     * The one place a single sign-on's outcome goes to the trail (audit.SignInAudit): a success at once, a refusal
     * counted with the other failed sign-ins of the address (mechanism "sso"). {@code refusal} is null on success,
     * else the refusal's name (NO_USER, LOCAL_ACCOUNT, DISABLED), which the visitor's page shows.
     */
    private void signInEvent(String username, Set<String> roles, String refusal, String address) {
        if (refusal == null) {
            events.succeeded(username, roles, MECHANISM, rc);
        } else {
            events.failed(username, MECHANISM, address);
        }
    }

    /** The provider's session cookie (path /login/sso) goes: the next "Sign in with" asks the provider again. */
    private void endProviderSession() {
        if (oidcSession.isResolvable()) {
            oidcSession.get().logout().await().indefinitely();
        }
    }

    private void endCurrentSession() {
        Cookie cookie = rc.request().getCookie(sessionConfig.cookieName());
        if (cookie != null && cookie.getValue() != null) {
            sessions.end(cookie.getValue(), WebSessions.SIGNED_OUT);
        }
    }

    private NewCookie sessionCookie(String token) {
        return cookies.session(token, rc.request());
    }

    /** The login page's "Sign in with ..." link, shown only when single sign-on is on ({@code inject:ssoButton}). */
    @jakarta.enterprise.context.ApplicationScoped
    @jakarta.inject.Named("ssoButton")
    public static class Button {

        @Inject
        SsoConfig sso;

        public boolean shown() {
            return sso.enabled();
        }

        public String label() {
            return sso.providerLabel();
        }

        public String href(String next) {
            String target = SignInPages.safeNext(next);
            return "/login/sso" + (target.isEmpty() ? ""
                    : "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        }
    }
}
