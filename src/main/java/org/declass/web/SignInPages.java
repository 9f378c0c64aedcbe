package org.declass.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.declass.security.CurrentReader;
import org.declass.signin.Passwords;
import org.declass.signin.SessionConfig;
import org.declass.security.SessionPrincipal;
import org.declass.signin.SignInGuard;
import org.declass.signin.Totp;
import org.declass.security.User;
import org.declass.signin.WebSession;
import org.declass.signin.WebSessions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and out of the pages: the login form (user name and password), the second factor (a TOTP code, with
 * enrolment the first time) for the roles that need one, and signing out, which ends the session on the server.
 * Every answer is the same for an unknown user name and a wrong password, in words and in time.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    static final String ISSUER = "Declass";

    @Inject
    CurrentReader reader;

    @Inject
    org.declass.release.DemoConfig demo;

    @Inject
    SessionConfig config;

    @Inject
    WebSessions sessions;

    @Inject
    SignInGuard guard;

    @Inject
    Passwords passwords;

    @Inject
    org.declass.audit.SignInAudit events;

    @Inject
    org.declass.signin.SecondFactorPolicy secondFactor;

    @Inject
    org.declass.signin.SessionCookies cookies;

    @Inject
    RoutingContext rc;

    @Inject
    Landing landing;

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    String sessionKey;

    Clock clock = Clock.systemUTC();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, boolean demo, String next, String username);

        static native TemplateInstance secondFactor(String error, String next, String enrolSecret,
                                                    String enrolSignature, String qrDataUri, String otpauthUri);

        static native TemplateInstance signOut();
    }

    @GET
    @Path("login")
    public Object login(@QueryParam("next") String next) {
        if (!reader.get().anonymous()) {
            return Response.seeOther(URI.create(landing.target(next, reader.get()))).build();
        }
        return Templates.login(null, demo.enabled(), safeNext(next), "");
    }

    @POST
    @Path("login")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("next") String next) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String address = org.declass.signin.ClientAddress.of(rc);
        String target = safeNext(next);
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return page(400, Templates.login("Enter your user name and password.", demo.enabled(), target,
                    name));
        }
        SignInGuard.Check check = guard.check(name, address);
        if (check.blockedFor().isPresent()) {
            events.blocked(name, "form", address);
            return tooMany(check.blockedFor().get(), target, name);
        }
        User user = name.length() > 64 ? null
                : QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name));
        if (!passwords.matches(user, password.toCharArray())) {
            events.failed(name, "form", address);
            Optional<Duration> blocked = guard.failed(name, address);
            if (blocked.isPresent()) {
                return tooMany(blocked.get(), target, name);
            }
            return page(401, Templates.login("Wrong user name or password.", demo.enabled(), target, name));
        }
        if (check.hadFailures()) {
            guard.succeeded(name);
        }
        endCurrentSession(WebSessions.SIGNED_OUT); // a new sign-in never keeps an old session's token
        boolean secondFactor = this.secondFactor.required(user);
        String token = sessions.open(SessionPrincipal.local(user.username), secondFactor, address);
        if (secondFactor) {
            return Response.seeOther(URI.create("/login/second-factor" + (target.isEmpty() ? ""
                    : "?next=" + encode(target)))).cookie(sessionCookie(token)).build();
        }
        events.succeeded(user.username, Set.copyOf(user.roleList()), "form", rc);
        return Response.seeOther(URI.create(landing.target(target, org.declass.security.Reader.of(user))))
                .cookie(sessionCookie(token)).build();
    }

    @GET
    @Path("login/second-factor")
    public Object secondFactor(@QueryParam("next") String next) {
        Optional<WebSession> pending = pendingSession();
        if (pending.isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return secondFactorPage(null, pending.get().username, safeNext(next));
    }

    private TemplateInstance secondFactorPage(String error, String username, String next) {
        User user = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username));
        if (user != null && user.totpSecret != null) {
            return Templates.secondFactor(error, next, null, null, null, null);
        }
        String secret = Totp.newSecret();
        return Templates.secondFactor(error, next, secret, enrolSignature(username, secret),
                Totp.qrDataUri(secret, username, ISSUER), Totp.uri(secret, username, ISSUER));
    }

    @POST
    @Path("login/second-factor")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response giveSecondFactor(@FormParam("code") String code, @FormParam("secret") String enrolSecret,
                                     @FormParam("signature") String signature, @FormParam("next") String next) {
        Optional<WebSession> pending = pendingSession();
        String target = safeNext(next);
        if (pending.isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        String name = pending.get().username;
        String address = org.declass.signin.ClientAddress.of(rc);
        SignInGuard.Check check = guard.check(name, address);
        if (check.blockedFor().isPresent()) {
            events.blocked(name, "second-factor", address);
            endCurrentSession(WebSessions.SIGNED_OUT);
            return tooMany(check.blockedFor().get(), target, name);
        }
        boolean enrolling = enrolSecret != null && !enrolSecret.isBlank();
        if (enrolling && !enrolSignature(name, enrolSecret).equals(signature)) {
            return page(400, secondFactorPage("The enrolment form was altered; scan the new code.", name, target));
        }
        // the roles of the account whose code was right (for the trail), or null
        Set<String> roles = QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findByUsername(name);
            if (user == null || user.disabled) {
                return null;
            }
            String secret = user.totpSecret != null ? user.totpSecret : enrolling ? enrolSecret : null;
            OptionalLong s = Totp.verify(secret, code, user.totpLastStep, clock);
            if (s.isEmpty()) {
                return null;
            }
            user.totpSecret = secret;
            user.totpLastStep = s.getAsLong();
            return Set.copyOf(user.roleList());
        });
        if (roles == null) {
            events.failed(name, "second-factor", address);
            Optional<Duration> blocked = guard.failed(name, address);
            if (blocked.isPresent()) {
                endCurrentSession(WebSessions.SIGNED_OUT);
                return tooMany(blocked.get(), target, name);
            }
            return page(401, secondFactorPage("That code is not right (or was used already); try the next one.",
                    name, target));
        }
        Optional<String> token = sessions.completeSecondFactor(cookieToken(), address);
        if (token.isEmpty()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        events.succeeded(name, roles, enrolling ? "form+totp enrolled" : "form+totp", rc);
        String destination = target.isEmpty() ? QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findByUsername(name);
            return user == null ? Landing.CABLES : landing.of(org.declass.security.Reader.of(user));
        }) : target;
        return Response.seeOther(URI.create(destination)).cookie(sessionCookie(token.get())).build();
    }

    @GET
    @Path("logout")
    public TemplateInstance signOutPage() {
        return Templates.signOut();
    }

    @POST
    @Path("logout")
    public Response signOut() {
        org.declass.security.Reader who = reader.get();
        if (endCurrentSession(WebSessions.SIGNED_OUT) && !who.anonymous()) {
            events.signedOut(who.username(), who.roles(), "signed out", rc);
        }
        return Response.seeOther(URI.create("/login?signed-out")).cookie(expiredCookie()).build();
    }

    private boolean endCurrentSession(String reason) {
        String token = cookieToken();
        return token != null && sessions.end(token, reason);
    }

    private Optional<WebSession> pendingSession() {
        String token = cookieToken();
        return token == null ? Optional.empty() : sessions.pending(token);
    }

    private String cookieToken() {
        Cookie cookie = rc.request().getCookie(config.cookieName());
        return cookie == null ? null : cookie.getValue();
    }

    private Response tooMany(Duration wait, String next, String name) {
        long seconds = Math.max(1, wait.toSeconds());
        String message = "Too many failed sign-ins. Try again in " + describe(seconds) + ".";
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.login(message, demo.enabled(), next, name)).build();
    }

    static String describe(long seconds) {
        if (seconds < 90) {
            return seconds + " seconds";
        }
        return (seconds + 59) / 60 + " minutes";
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    private NewCookie sessionCookie(String token) {
        return cookies.session(token, rc.request());
    }

    private NewCookie expiredCookie() {
        return cookies.expired(rc.request());
    }

    /**
     * The enrolment secret travels in the form (it is on the page as a QR code anyway); its signature under the
     * session key, bound to the account, keeps anyone from swapping in a secret of their own.
     */
    private String enrolSignature(String username, String secret) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, sessionKey).hmacHex("totp-enrol\n" + username + "\n"
                + secret);
    }

    /**
     * Only a path of this site: never another host ("//evil", "/\\evil", "https://..."). Empty when there is no
     * such return address: the person then lands where their work is ({@link Landing}).
     */
    static String safeNext(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/\\") || next.length() > 500 || next.startsWith("/login")
                || next.startsWith("/logout") || next.chars().anyMatch(c -> c < 0x20)) {
            return "";
        }
        return next;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
