package org.declass.security;

import java.util.List;

/** Role names as compile-time constants, for {@code @RolesAllowed}. */
public final class Roles {
    public static final String REVIEWER = "REVIEWER";
    public static final String APPROVER = "APPROVER";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(REVIEWER, APPROVER, AUDITOR, ADMIN);

    /** A comma-separated role list (as stored) as a set; null or blank: none. */
    public static java.util.Set<String> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return java.util.Set.of();
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String r : commaSeparated.split(",")) {
            if (!r.isBlank()) {
                out.add(r.trim());
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    private Roles() {
    }
}
