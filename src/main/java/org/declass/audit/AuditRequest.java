package org.declass.audit;

import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The request id and client address of the current HTTP request, for the trail. The id is the caller's
 * X-Request-Id when it is a UUID (written in lower case), else a new random UUID: a caller cannot store text of its
 * choosing in the trail through it. Kept on the routing context so that every entry of one request shares it.
 */
@RequestScoped
public class AuditRequest {

    static final String REQUEST_ID_KEY = "declass.request-id";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
        Object known = rc.get(REQUEST_ID_KEY);
        if (known instanceof String s) {
            return s;
        }
        String header = rc.request().getHeader("X-Request-Id");
        String id = header != null && UUID_TEXT.matcher(header.trim()).matches()
                ? header.trim().toLowerCase(java.util.Locale.ROOT) : UUID.randomUUID().toString();
        rc.put(REQUEST_ID_KEY, id);
        return id;
    }

    static String clientAddress(RoutingContext rc) {
        return org.declass.signin.ClientAddress.of(rc);
    }
}
