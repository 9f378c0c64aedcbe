package org.declass.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.declass.marking.ClassificationLevel;

/**
 * How an identity provider's claims become a Declass user: a user name, roles, a clearance and NOFORN eligibility
 * (docs/operations.md, "Single sign-on (OpenID Connect)"). Pure: the claims come in as the token's JSON as plain Java
 * (maps, lists, strings, booleans, numbers).
 * <ul>
 * <li>No clearance claim: no clearance (UNCLASSIFIED). A value that is not a level's name: no clearance either, and a
 * problem to log. Never the highest level by mistake.</li>
 * <li>Roles that are not Declass roles (or, with a role map, not in it) are dropped.</li>
 * <li>NOFORN eligible only on {@code true} or {@code "true"}.</li>
 * </ul>
 */
public final class ClaimMapping {

    /** Declass user names: as local accounts (app_user.username is 64 characters). */
    static final int MAX_USERNAME = 64;

    /** What the claims said, and what in them could not be used (for the log: names and values, never the token). */
    public record Mapped(String username, Set<String> roles, ClassificationLevel clearance, boolean noforn,
                         List<String> problems) {

        public SessionPrincipal principal() {
            return new SessionPrincipal(username, User.SSO, roles, clearance, noforn);
        }
    }

    private final String usernameClaim;
    private final String rolesClaim;
    private final Map<String, String> roleMap;
    private final String clearanceClaim;
    private final String nofornClaim;

    public ClaimMapping(String usernameClaim, String rolesClaim, Map<String, String> roleMap, String clearanceClaim,
                        String nofornClaim) {
        this.usernameClaim = usernameClaim;
        this.rolesClaim = rolesClaim;
        this.roleMap = roleMap == null ? Map.of() : new TreeMap<>(roleMap);
        this.clearanceClaim = clearanceClaim;
        this.nofornClaim = nofornClaim;
    }

    public static ClaimMapping of(SsoConfig config) {
        return new ClaimMapping(config.usernameClaim(), config.rolesClaim(), config.roleMap(),
                config.clearanceClaim(), config.nofornClaim());
    }

    /** The mapped user, or empty when the claims name no usable user name (missing, blank, too long, odd characters). */
    public Optional<Mapped> map(Map<String, Object> claims) {
        Optional<String> username = username(claims);
        if (username.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        Set<String> roles = roles(claims, problems);
        ClassificationLevel clearance = clearance(claims, problems);
        boolean noforn = noforn(claims, problems);
        return Optional.of(new Mapped(username.get(), roles, clearance, noforn, List.copyOf(problems)));
    }

    Optional<String> username(Map<String, Object> claims) {
        Object value = claim(claims, usernameClaim);
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        String name = s.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > MAX_USERNAME || !name.chars().allMatch(ClaimMapping::nameChar)) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Letters, digits and . _ @ - : what a provider's user names and e-mail addresses use; no spaces or controls. */
    private static boolean nameChar(int c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == '-';
    }

    Set<String> roles(Map<String, Object> claims, List<String> problems) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : strings(claim(claims, rolesClaim))) {
            String role = roleMap.isEmpty() ? declassRole(value) : mapped(value, problems);
            if (role != null) {
                out.add(role);
            }
        }
        return Set.copyOf(out);
    }

    private String mapped(String value, List<String> problems) {
        String target = roleMap.get(value);
        if (target == null) {
            return null;
        }
        String role = declassRole(target);
        if (role == null) {
            problems.add("declass.sso.role-map maps " + value + " to " + target + ", which is not a Declass role");
        }
        return role;
    }

    private static String declassRole(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Roles.ALL.contains(upper) ? upper : null;
    }

    ClassificationLevel clearance(Map<String, Object> claims, List<String> problems) {
        Object value = claim(claims, clearanceClaim);
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0);
        }
        if (value == null) {
            return ClassificationLevel.UNCLASSIFIED;
        }
        if (value instanceof String s) {
            String name = s.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
            for (ClassificationLevel level : ClassificationLevel.values()) {
                if (level.name().equals(name)) {
                    return level;
                }
            }
        }
        problems.add("claim " + clearanceClaim + " is not a clearance (" + shown(value) + "); none (UNCLASSIFIED)");
        return ClassificationLevel.UNCLASSIFIED;
    }

    boolean noforn(Map<String, Object> claims, List<String> problems) {
        Object value = claim(claims, nofornClaim);
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0);
        }
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (Boolean.TRUE.equals(value) || value instanceof String s && s.trim().equalsIgnoreCase("true")) {
            return true;
        }
        if (!(value instanceof String s && s.trim().equalsIgnoreCase("false"))) {
            problems.add("claim " + nofornClaim + " is neither true nor false (" + shown(value) + "); not eligible");
        }
        return false;
    }

    /**
     * A claim by name; when there is no claim of exactly that name (names may hold dots, as URL-like ones do), a
     * dotted path into nested objects ({@code realm_access.roles}).
     */
    static Object claim(Map<String, Object> claims, String name) {
        if (claims == null || name == null || name.isBlank()) {
            return null;
        }
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object at = claims;
        for (String part : name.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }

    /** A list of strings as it is; one string split at commas and spaces; anything else: nothing. */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isBlank()) {
                    out.add(s.trim());
                }
            }
        } else if (value instanceof String s) {
            for (String part : s.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /** A claim value for the log: at most 40 printable characters, quoted. */
    private static String shown(Object value) {
        String s = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
}
