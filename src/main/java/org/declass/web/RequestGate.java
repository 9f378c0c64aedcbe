package org.declass.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses, before any handler (authentication included) sees them, the requests no route may answer:
 * <ul>
 * <li>a malformed path: a {@code ;} in it (matrix or session parameters such as {@code ;jsessionid=}), a percent
 * sign not followed by two hex digits, an encoded control character such as {@code %00}, or encoded bytes that are
 * not UTF-8; and a query string with a malformed percent-encoding or an encoded control character. A 400 naming
 * the problem, and nothing in the log (such a path used to reach the login redirect, which failed on it with a
 * stack trace and left the request unanswered);</li>
 * <li>the Swagger UI when {@code declass.web.swagger-ui} is off: a 404.</li>
 * </ul>
 * The refusals carry the security headers ({@link SecurityHeaders} runs first).
 */
@ApplicationScoped
public class RequestGate {

    static final int PRIORITY = SecurityHeaders.PRIORITY - 100;

    static final String SWAGGER_UI = "/q/swagger-ui";

    @Inject
    WebConfig config;

    void register(@Observes Filters filters) {
        boolean swaggerUi = config.swaggerUi();
        filters.register(rc -> {
            String problem = problem(rc.request().path(), rc.request().query());
            if (problem != null) {
                refuse(rc, 400, "Bad Request", problem);
            } else if (!swaggerUi && isSwaggerUi(normalizedPath(rc))) {
                refuse(rc, 404, "Not Found", "nothing here: " + SWAGGER_UI);
            } else {
                rc.next();
            }
        }, PRIORITY);
    }

    /** What is wrong with this path and query, or null when nothing is. */
    static String problem(String path, String query) {
        if (path == null) {
            return null;
        }
        if (path.indexOf(';') >= 0) {
            return "the path contains ';': matrix and session parameters (such as ;jsessionid=...) are not accepted";
        }
        String pathProblem = encodingProblem(path);
        if (pathProblem != null) {
            return "the path " + pathProblem;
        }
        String queryProblem = query == null ? null : encodingProblem(query);
        return queryProblem == null ? null : "the query string " + queryProblem;
    }

    /** Percent-escapes that are malformed, decode to a control character or to bytes that are not UTF-8. */
    private static String encodingProblem(String s) {
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return "has a malformed percent-encoding: '%' must be followed by two hex digits";
                }
                int b = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                if (b < 0x20 || b == 0x7f) {
                    return "contains an encoded control character (%" + String.format(Locale.ROOT, "%02X", b) + ")";
                }
                bytes.put((byte) b);
                i += 2;
            } else if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
        } catch (CharacterCodingException e) {
            return "is not UTF-8 once decoded";
        }
        return null;
    }

    static boolean isSwaggerUi(String normalizedPath) {
        return normalizedPath != null
                && (normalizedPath.equals(SWAGGER_UI) || normalizedPath.startsWith(SWAGGER_UI + "/"));
    }

    /** The path as the router matches it (dot segments resolved, unreserved escapes decoded); null if it cannot. */
    static String normalizedPath(RoutingContext rc) {
        try {
            return rc.normalizedPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A plain answer, JSON under /api as the error mapping writes it, text elsewhere; nothing is logged. */
    private static void refuse(RoutingContext rc, int status, String error, String message) {
        String path = rc.request().path();
        boolean api = path != null && path.startsWith("/api/");
        String body = api ? "{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"
                : status + " " + error + ": " + message + "\n";
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", api ? "application/json;charset=UTF-8" : "text/plain;charset=UTF-8")
                .end(body);
    }
}
