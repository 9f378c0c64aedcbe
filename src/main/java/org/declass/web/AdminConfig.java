package org.declass.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The first start's settings, {@code declass.admin.*}. */
// Every property under declass.admin must be a member here: Quarkus refuses to start on an unmapped one.
@ConfigMapping(prefix = "declass.admin")
public interface AdminConfig {

    /**
     * {@code declass.admin.initial-password}: the first admin's password (when absent, one is generated and written
     * to {@code <data-dir>/initial-admin-password}, 0600; the log names the file, never the password).
     */
    Optional<String> initialPassword();
}
