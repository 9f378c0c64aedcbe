package org.declass.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The web surface's settings, {@code declass.web.*} (see {@link RequestGate}, {@link SecurityHeaders} and
 * docs/operations.md, "Security").
 */
// Every property under declass.web must be a member here: Quarkus refuses to start on an unmapped one.
@ConfigMapping(prefix = "declass.web")
public interface WebConfig {

    /**
     * {@code declass.web.swagger-ui}: serve the Swagger UI at /q/swagger-ui. Off unless set (a 404 then); on in dev
     * and test. The OpenAPI document at /q/openapi is served either way. The UI is built into the jar
     * ({@code quarkus.swagger-ui.always-include}, a build-time setting), so this switch works at run time.
     */
    @WithDefault("false")
    boolean swaggerUi();
}
