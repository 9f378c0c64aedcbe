package org.declass.security;

import java.util.List;

/** Role names as compile-time constants, for {@code @RolesAllowed}. */
public final class Roles {
    public static final String REVIEWER = "REVIEWER";
    public static final String APPROVER = "APPROVER";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(REVIEWER, APPROVER, AUDITOR, ADMIN);

    private Roles() {
    }
}
