package org.declass.security;

import java.util.Objects;
import java.util.Set;

import org.declass.marking.ClassificationLevel;

/**
 * Who is reading: the facts the access policy decides on. Anonymous visitors have no clearance at all and may
 * read only released material.
 */
public record Reader(String username, Set<String> roles, ClassificationLevel clearance, boolean nofornEligible,
                     boolean anonymous) {

    public static final Reader ANONYMOUS = new Reader("anonymous", Set.of(), ClassificationLevel.UNCLASSIFIED, false,
            true);

    public Reader {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(clearance, "clearance");
        roles = Set.copyOf(roles);
    }

    public static Reader of(User user) {
        return new Reader(user.username, Set.copyOf(user.roleList()), user.clearance, user.nofornEligible, false);
    }

    /**
     * The reader's clearance as error messages name it ("SECRET, NOFORN-eligible", "CONFIDENTIAL, not
     * NOFORN-eligible"): outside {@code security} nothing reads the clearance itself (ClearanceRuleTest).
     */
    public String describeClearance() {
        return clearance.displayName() + (nofornEligible ? ", NOFORN-eligible" : ", not NOFORN-eligible");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
