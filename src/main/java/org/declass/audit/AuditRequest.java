package org.declass.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.declass.metrics.RequestIds;

/**
 * The request id and client address of the current HTTP request, for the trail. The id is the one of
 * {@link RequestIds}: the caller's X-Request-Id when it is well-formed (a UUID, or nginx's 32 hex digits; in lower
 * case), else a new random UUID, so that a caller cannot store text of its choosing in the trail through it. The same
 * id is on the request's log lines and in its response header.
 */
@RequestScoped
public class AuditRequest {

    @Inject
    CurrentVertxRequest current;

    /** [requestId, clientAddress]; both null outside HTTP. */
    String[] describe() {
        RoutingContext rc = current == null ? null : current.getCurrent();
        return describe(rc);
    }

    static String[] describe(RoutingContext rc) {
        if (rc == null) {
            return new String[] {null, null};
        }
        return new String[] {requestId(rc), clientAddress(rc)};
    }

    static String requestId(RoutingContext rc) {
        return RequestIds.of(rc);
    }

    static String clientAddress(RoutingContext rc) {
        return org.declass.signin.ClientAddress.of(rc);
    }
}
