package org.declass.metrics;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * The request id: the caller's {@code X-Request-Id} when it is well-formed (a UUID, or the 32 hex digits of nginx's
 * {@code $request_id}; written in lower case), else a new random UUID, so that no caller can put text of its choosing
 * into the log or the audit trail through it. Set before any other filter on every request: kept on the routing
 * context (the audit trail's entries of the request take it from there), put in the logging MDC as
 * {@value #MDC_KEY} (so every log line written while the request runs carries it, in the JSON log as
 * {@code mdc.requestId}) and sent back in the response's {@code X-Request-Id} header.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String CONTEXT_KEY = "declass.request-id";
    /** Before the security headers (1,100), the request gate (1,000), CORS (300) and authentication (200). */
    static final int PRIORITY = 1_200;

    private static final Pattern WELL_FORMED = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = of(rc);
            MDC.put(MDC_KEY, id);
            rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, id));
            rc.addEndHandler(v -> MDC.remove(MDC_KEY));
            rc.next();
        }, PRIORITY);
    }

    /** This request's id, decided once per request. */
    public static String of(RoutingContext rc) {
        if (rc.get(CONTEXT_KEY) instanceof String known) {
            return known;
        }
        String id = accept(rc.request().getHeader(HEADER));
        rc.put(CONTEXT_KEY, id);
        return id;
    }

    /** The header's id in lower case when it is well-formed, else a new random UUID. */
    static String accept(String header) {
        String h = header == null ? "" : header.trim();
        return WELL_FORMED.matcher(h).matches() ? h.toLowerCase(Locale.ROOT) : UUID.randomUUID().toString();
    }
}
