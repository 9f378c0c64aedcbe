package org.declass.feedback;

import java.util.Optional;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The message of this page, for the layout: {@code inject:flash.notice}. Reading it clears the cookie, so that it is
 * shown once (a reload does not repeat it).
 */
@Named("flash")
@RequestScoped
public class FlashReader {

    @Inject
    RoutingContext rc;

    @Inject
    Flash flash;

    private Optional<Notice> notice;

    /** The notice the previous action left for this page, or null. */
    public Notice notice() {
        if (notice == null) {
            Cookie cookie = rc.request().getCookie(Flash.COOKIE);
            notice = cookie == null ? Optional.empty()
                    : flash.read(cookie.getValue());
            if (cookie != null && !rc.response().headWritten()) {
                rc.response().addCookie(Cookie.cookie(Flash.COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true));
            }
        }
        return notice.orElse(null);
    }
}
