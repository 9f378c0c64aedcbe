package org.declass.web;

import java.util.Collection;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.audit.SignInAudit;

/** Hands the sign-in pages' outcomes to the audit trail (audit.SignInAudit). */
@ApplicationScoped
public class SignInEvents {

    @Inject
    SignInAudit audit;

    void failed(String attemptedName, String mechanism, String clientAddress) {
        audit.failed(attemptedName, mechanism, clientAddress);
    }

    void blocked(String attemptedName, String mechanism, String clientAddress) {
        audit.blocked(attemptedName, mechanism, clientAddress);
    }

    void succeeded(String username, Collection<String> roles, String mechanism, RoutingContext rc) {
        audit.succeeded(username, roles, mechanism, rc);
    }

    void signedOut(String username, Collection<String> roles, String reason, RoutingContext rc) {
        audit.signedOut(username, roles, reason, rc);
    }
}
