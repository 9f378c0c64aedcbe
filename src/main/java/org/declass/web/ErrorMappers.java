package org.declass.web;

import java.util.Map;
import java.util.UUID;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.account.AccountRefused;
import org.declass.cable.CableNotFound;
import org.declass.cable.FindingsService;
import org.declass.ingest.IngestRejected;
import org.declass.release.ReleaseNotFound;
import org.declass.review.InvalidRequest;
import org.declass.review.NotPermitted;
import org.declass.review.ParagraphNotFound;
import org.declass.review.StaleVersion;
import org.declass.review.TransitionNotAllowed;
import org.declass.security.NotCleared;
import org.hibernate.StaleStateException;
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

    /**
     * The shared error kinds: each exception a service throws to refuse a request, and the status it answers with
     * (a subclass answers as its nearest listed superclass: MarkingRefused is an InvalidRequest). The message is the
     * exception's own, except for a lost race, whose exception speaks of rows and versions. IngestRejected carries
     * its status itself (400, 409, 413, 415, ...). Every exception class of org.declass must be listed here
     * (ErrorKindsTest); {@link #refused} lists the same classes, as the mapper annotation needs them.
     */
    public static final Map<Class<? extends RuntimeException>, Integer> KINDS = Map.ofEntries(
            Map.entry(InvalidRequest.class, 400),
            Map.entry(NotPermitted.class, 403),
            Map.entry(NotCleared.class, 403),
            // another origin, or a browser's request without its session's CSRF token (CrossSiteRequests)
            Map.entry(CrossSiteRefused.class, 403),
            Map.entry(CableNotFound.class, 404),
            Map.entry(ParagraphNotFound.class, 404),
            Map.entry(FindingsService.SuggestionNotFound.class, 404),
            // the reading room's one answer for an unknown id and for a cable not released
            Map.entry(ReleaseNotFound.class, 404),
            Map.entry(TransitionNotAllowed.class, 409),
            Map.entry(StaleVersion.class, 409),
            // a concurrent writer won at commit: the loser changed nothing
            Map.entry(OptimisticLockException.class, 409),
            Map.entry(StaleStateException.class, 409),
            Map.entry(AccountRefused.class, 400),
            Map.entry(AccountRefused.NotPermitted.class, 403),
            Map.entry(AccountRefused.NotFound.class, 404),
            Map.entry(AccountRefused.Conflict.class, 409),
            // a search query that cannot be read (search.QueryParser names the problem)
            Map.entry(org.declass.search.QueryProblem.class, 400));

    static final String LOST_RACE = "the cable was changed by someone else meanwhile; nothing was changed, reload";

    /** The one mapping of the shared error kinds: status from {@link #KINDS}, page or JSON as the request wants. */
    @ServerExceptionMapper({IngestRejected.class, InvalidRequest.class, NotPermitted.class, NotCleared.class,
            CrossSiteRefused.class, CableNotFound.class, ParagraphNotFound.class, FindingsService.SuggestionNotFound.class,
            ReleaseNotFound.class, TransitionNotAllowed.class, StaleVersion.class, OptimisticLockException.class,
            StaleStateException.class, AccountRefused.class, AccountRefused.NotPermitted.class,
            AccountRefused.NotFound.class, AccountRefused.Conflict.class, org.declass.search.QueryProblem.class})
    public Response refused(RuntimeException e, HttpServerRequest request) {
        Integer status = e instanceof IngestRejected r ? Integer.valueOf(r.status()) : statusOf(e.getClass());
        if (status == null) { // not a shared kind after all: never guess a status
            return unexpected(e, request);
        }
        boolean lostRace = e instanceof OptimisticLockException || e instanceof StaleStateException;
        return respond(request, status, lostRace ? LOST_RACE : e.getMessage());
    }

    /** The status an exception of this class answers with, or null when it is not one of the shared kinds. */
    public static Integer statusOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Integer status = KINDS.get(c);
            if (status != null) {
                return status;
            }
        }
        return null;
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 401 || (status >= 300 && status < 400)) {
            return e.getResponse();
        }
        String message = e.getMessage();
        boolean page = wantsHtml(request);
        if (status == 404 && (message == null || message.startsWith("HTTP 404") || message.contains("RESTEASY")
                || message.startsWith("Unable to find matching"))) {
            message = page ? "There is no page at this address." : "nothing here: " + request.path();
        } else if (status == 415) {
            message = "unsupported content type " + request.getHeader(HttpHeaders.CONTENT_TYPE)
                    + " for " + request.path();
        } else if (status == 405) {
            message = page ? "This page cannot be used that way (" + request.method() + "). Open it from a link,"
                    + " or use its own form." : request.method() + " is not allowed on " + request.path();
        } else if (page && (status == 406 || status == 415)) {
            message = "This page cannot answer in the form your browser asked for.";
        } else if (page && (message == null || message.startsWith("HTTP ") || message.contains("RESTEASY"))) {
            message = status < 500 ? "This request could not be handled. Go back and try again from the page's own"
                    + " links and forms." : "Something went wrong on our side; nothing was changed half-way.";
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
        java.util.Optional<Long> wait = org.declass.signin.SignInGuard.retryAfter(e);
        if (wait.isPresent()) {
            return Response.fromResponse(respond(request, 429, "too many failed sign-ins; try again in "
                    + wait.get() + " seconds")).header(HttpHeaders.RETRY_AFTER, wait.get()).build();
        }
        return signInNeeded(request, "/login");
    }

    /**
     * The API answers 401 with a message; pages send the person to the login form, with one Location only (two
     * make browsers refuse the answer: ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION).
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
                    .entity(Templates.error(status, pageTitle(status, title), message)).build();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status, title, message)).build();
    }

    /** An error page's heading, in the reader's words rather than HTTP's. */
    static String pageTitle(int status, String reasonPhrase) {
        return switch (status) {
            case 400 -> "Please check what you sent";
            case 403 -> "You may not do this";
            case 404 -> "Page not found";
            case 405, 406, 415 -> "This page cannot be used that way";
            case 409 -> "Not possible now";
            case 413 -> "Too large";
            case 429 -> "Too many attempts";
            case 500 -> "Something went wrong on our side";
            default -> reasonPhrase;
        };
    }

    private static boolean wantsHtml(HttpServerRequest request) {
        if (request.path().startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

}
