package org.declass.web;

import java.net.URI;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.declass.release.ReleaseCalendar;
import org.declass.security.CurrentReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The landing page, the login form and logout. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @Inject
    CurrentReader reader;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookieName;

    @Inject
    org.declass.release.DemoConfig demo;

    @Inject
    ReleaseCalendar releaseCalendar;

    @CheckedTemplate
    static class Templates {
        /** @param release the release counts; null for an anonymous visitor */
        static native TemplateInstance index(boolean demo, ReleaseCalendar.Counts release);

        static native TemplateInstance login(boolean error, boolean demo);
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(demo.enabled(), reader.get().anonymous() ? null : releaseCalendar.counts());
    }

    @GET
    @Path("login")
    public Object login(@QueryParam("error") boolean error) {
        if (!reader.get().anonymous()) {
            return Response.seeOther(URI.create("/cables")).build();
        }
        return Templates.login(error, demo.enabled());
    }

    @GET
    @Path("logout")
    public Response logoutGet() {
        return logout();
    }

    @POST
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).value("").httpOnly(true).build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
