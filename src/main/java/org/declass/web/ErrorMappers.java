package org.declass.web;

import java.util.UUID;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.cable.CableNotFound;
import org.declass.ingest.IngestRejected;
import org.declass.review.InvalidRequest;
import org.declass.review.NotPermitted;
import org.declass.review.ParagraphNotFound;
import org.declass.review.StaleVersion;
import org.declass.review.TransitionNotAllowed;
import org.declass.security.NotCleared;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns exceptions into clear answers: JSON {status, error, message} under /api, an error page elsewhere. Messages
 * come from our own exceptions, which never quote cable text; unexpected failures answer 500 with an incident id
 * only, and the details go to the log.
 */
public class ErrorMappers {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    public record ApiError(int status, String error, String message) {
    }

    @ServerExceptionMapper
    public Response ingestRejected(IngestRejected e, HttpServerRequest request) {
        return respond(request, e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(CableNotFound e, HttpServerRequest request) {
        return respond(request, 404, e.getMessage());
    }

    /** The reading room's one answer for an unknown id and for a cable not released. */
    @ServerExceptionMapper
    public Response releaseNotFound(org.declass.release.ReleaseNotFound e, HttpServerRequest request) {
        return respond(request, 404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response suggestionNotFound(org.declass.cable.FindingsService.SuggestionNotFound e,
                                       HttpServerRequest request) {
        return respond(request, 404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notCleared(NotCleared e, HttpServerRequest request) {
        return respond(request, 403, e.getMessage());
    }

    @ServerExceptionMapper
    public Response transitionNotAllowed(TransitionNotAllowed e, HttpServerRequest request) {
        return respond(request, 409, e.getMessage());
    }

    @ServerExceptionMapper
    public Response staleVersion(StaleVersion e, HttpServerRequest request) {
        return respond(request, 409, e.getMessage());
    }

    /** A concurrent writer won at commit: the loser changed nothing. */
    @ServerExceptionMapper
    public Response lostRace(jakarta.persistence.OptimisticLockException e, HttpServerRequest request) {
        return respond(request, 409, "the cable was changed by someone else meanwhile; nothing was changed, reload");
    }

    @ServerExceptionMapper
    public Response lostRaceHibernate(org.hibernate.StaleStateException e, HttpServerRequest request) {
        return respond(request, 409, "the cable was changed by someone else meanwhile; nothing was changed, reload");
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermitted e, HttpServerRequest request) {
        return respond(request, 403, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequest e, HttpServerRequest request) {
        return respond(request, 400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response paragraphNotFound(ParagraphNotFound e, HttpServerRequest request) {
        return respond(request, 404, e.getMessage());
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 401 || (status >= 300 && status < 400)) {
            return e.getResponse();
        }
        String message = e.getMessage();
        if (status == 404 && (message == null || message.startsWith("HTTP 404") || message.contains("RESTEASY"))) {
            message = "nothing here: " + request.path();
        } else if (status == 415) {
            message = "unsupported content type " + request.getHeader(HttpHeaders.CONTENT_TYPE)
                    + " for " + request.path();
        } else if (status == 405) {
            message = request.method() + " is not allowed on " + request.path();
        } else if (message == null || message.startsWith("HTTP ")) {
            message = Response.Status.fromStatusCode(status) == null ? "request refused"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        }
        return respond(request, status, message);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, "your account's roles do not allow this");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return signInNeeded(request, "/login");
    }

    @ServerExceptionMapper
    public Response authFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return signInNeeded(request, "/login?error=true");
    }

    /**
     * The API answers 401 with a message; pages send the person to the login form. A failed form login
     * ({@code POST /j_security_check}) reaches this mapper after the form mechanism has already put the Location of its
     * error page on the response, and on the first request after a start that Location reads "null://null/...":
     * two Locations make browsers refuse the answer (ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION), so the mechanism's is
     * dropped and this one alone is sent.
     */
    private static Response signInNeeded(HttpServerRequest request, String loginPage) {
        if (!request.path().startsWith("/api/")) {
            request.response().headers().remove(HttpHeaders.LOCATION);
            return Response.seeOther(java.net.URI.create(loginPage)).build();
        }
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Declass\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(401, "Unauthorized", "sign in: send valid HTTP Basic credentials")).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        Log.errorf(e, "incident %s on %s %s", incident, request.method(), request.path());
        return respond(request, 500, "internal error (incident " + incident + "); nothing was changed half-way");
    }

    private static Response respond(HttpServerRequest request, int status, String message) {
        Response.Status s = Response.Status.fromStatusCode(status);
        String title = s == null ? "Error " + status : s.getReasonPhrase();
        if (wantsHtml(request)) {
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.error(status, title, message)).build();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status, title, message)).build();
    }

    private static boolean wantsHtml(HttpServerRequest request) {
        if (request.path().startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

}
