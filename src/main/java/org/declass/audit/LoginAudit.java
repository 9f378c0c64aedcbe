package org.declass.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationEvent;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/**
 * Records sign-ins (the actor of a failure is the user name tried, with the role UNAUTHENTICATED): LOGIN_SUCCEEDED for each form login (HTTP Basic authenticates every API call, so its
 * successes are not entries; the call's own entries name the user), LOGIN_FAILED for every failed attempt, form
 * or Basic, with the user name tried and the client address. Never the password.
 */
@ApplicationScoped
public class LoginAudit {

    @Inject
    AuditTrail trail;

    void onFormLogin(@ObservesAsync FormAuthenticationEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        RoutingContext rc = routingContext(event.getEventProperties());
        AuditEvent e = AuditEvent.by(identity.getPrincipal().getName(), identity.getRoles(),
                AuditAction.LOGIN_SUCCEEDED).note("form login");
        trail.recordAlone(e, AuditRequest.describe(rc));
    }

    void onFailure(@ObservesAsync AuthenticationFailureEvent event) {
        RoutingContext rc = routingContext(event.getEventProperties());
        String tried = attemptedUser(rc);
        String mechanism = rc != null && rc.request().path().endsWith("j_security_check") ? "form" : "basic";
        AuditEvent e = "?".equals(tried) ? AuditEvent.bySystem("system:login", AuditAction.LOGIN_FAILED)
                : AuditEvent.by(tried, java.util.List.of("UNAUTHENTICATED"), AuditAction.LOGIN_FAILED);
        e.note(mechanism + " login failed for user name '" + tried + "'");
        trail.recordAlone(e, AuditRequest.describe(rc));
    }

    /** Quarkus puts the routing context under its class name (failures) or its own attribute (form login). */
    static RoutingContext routingContext(java.util.Map<String, Object> properties) {
        if (properties == null) {
            return null;
        }
        if (properties.get(RoutingContext.class.getName()) instanceof RoutingContext rc) {
            return rc;
        }
        return HttpSecurityUtils.getRoutingContextAttribute(properties);
    }

    static String attemptedUser(RoutingContext rc) {
        if (rc == null) {
            return "?";
        }
        String name = null;
        String auth = rc.request().getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                name = colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                name = "(unreadable Basic header)";
            }
        } else {
            name = rc.request().getFormAttribute("j_username");
        }
        if (name == null || name.isBlank()) {
            return "?";
        }
        name = name.replaceAll("[\\p{Cntrl}]", "");
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
