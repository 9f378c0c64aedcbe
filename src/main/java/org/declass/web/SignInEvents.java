package org.declass.web;

import java.util.Collection;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands the sign-in pages' outcomes to the audit trail (audit.SignInAudit). */
@ApplicationScoped
public class SignInEvents {

    void failed(String attemptedName, String mechanism, String clientAddress) {
    }

    void blocked(String attemptedName, String mechanism, String clientAddress) {
    }

    void succeeded(String username, Collection<String> roles, String mechanism, RoutingContext rc) {
    }

    void signedOut(String username, Collection<String> roles, String reason, RoutingContext rc) {
    }
}
