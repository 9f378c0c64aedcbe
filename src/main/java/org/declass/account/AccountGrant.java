package org.declass.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.declass.marking.ClassificationLevel;
import org.declass.security.Roles;
import org.declass.security.User;

/**
 * What an account is allowed: its roles (in the order of {@link Roles#ALL}), its clearance and its NOFORN
 * eligibility. The audit trail shows it as "REVIEWER,ADMIN; SECRET, NOFORN-eligible" before and after a change.
 */
public record AccountGrant(List<String> roles, ClassificationLevel clearance, boolean noforn) {

    public AccountGrant {
        Objects.requireNonNull(clearance, "clearance");
        roles = Roles.ALL.stream().filter(Set.copyOf(roles)::contains).toList();
    }

    public static AccountGrant of(User user) {
        return new AccountGrant(List.copyOf(Roles.parse(user.roles)), user.clearance, user.nofornEligible);
    }

    /** "REVIEWER,ADMIN; SECRET, NOFORN-eligible". */
    public String describe() {
        return String.join(",", roles) + "; " + describeClearance();
    }

    /** "SECRET, NOFORN-eligible", "CONFIDENTIAL, not NOFORN-eligible". */
    public String describeClearance() {
        return clearance.displayName() + (noforn ? ", NOFORN-eligible" : ", not NOFORN-eligible");
    }

    /** The roles as stored in {@code app_user.roles}. */
    public String storedRoles() {
        return String.join(",", roles);
    }

    /** The roles this grant has that {@code before} had not. */
    public List<String> rolesAddedTo(AccountGrant before) {
        List<String> added = new ArrayList<>(roles);
        added.removeAll(before.roles);
        return added;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
