package org.declass.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Links of the page shell that depend on configuration, so that every link on every page answers. */
@ApplicationScoped
@Named("site")
public class SiteLinks {

    @Inject
    WebConfig config;

    /** The menu's "API": the Swagger UI where it is served, else the OpenAPI document (always served). */
    public String apiHref() {
        return config.swaggerUi() ? "/q/swagger-ui" : "/q/openapi";
    }
}
