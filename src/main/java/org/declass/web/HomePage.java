package org.declass.web;


import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.declass.release.ReleaseCalendar;
import org.declass.security.CurrentReader;

/** The landing page (signing in and out: {@link SignInPages}). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @Inject
    CurrentReader reader;

    @Inject
    org.declass.release.DemoConfig demo;

    @Inject
    ReleaseCalendar releaseCalendar;

    @CheckedTemplate
    static class Templates {
        /** @param release the release counts; null for an anonymous visitor */
        static native TemplateInstance index(boolean demo, ReleaseCalendar.Counts release);

    }

    @GET
    public TemplateInstance index() {
        return Templates.index(demo.enabled(), reader.get().anonymous() ? null : releaseCalendar.counts());
    }
}
