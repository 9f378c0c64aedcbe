package org.declass.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Classification;
import org.declass.security.Disclosure;
import org.declass.security.Reader;
import org.declass.security.Roles;
import org.declass.security.User;
import org.declass.signin.WebSessions;

/**
 * User administration (docs/operations.md, "User administration"): administrators list, create and change
 * accounts, reset passwords and second factors, disable and enable accounts. Each use case is one transaction that
 * checks everything first (refusing with {@link AccountRefused} before any write), then changes the account, ends
 * its sessions when what it may do changed, and records the change in the audit trail (the account before and
 * after, never a password).
 * <ul>
 * <li>Nobody raises their own roles, clearance or NOFORN eligibility; lowering them is allowed.</li>
 * <li>An administrator gives no clearance they do not hold, and changes or resets the password of no account
 * cleared above them (either would let them read above their clearance through another account). Whether a
 * clearance is "above" is asked of {@link Disclosure}, the one place that compares clearances.</li>
 * <li>Nobody disables their own account, and the last enabled local administrator can neither be disabled nor
 * lose the ADMIN role: someone must be able to sign in and administer.</li>
 * <li>SSO accounts: the identity provider manages their roles, clearance and password; only disable and enable
 * apply here.</li>
 * </ul>
 * Every write takes the audit chain lock first, so that two administrators' changes run one after the other and
 * the last-administrator check cannot be raced.
 */
@ApplicationScoped
public class AccountAdmin {

    /** Lower-case letters, digits, '.', '_' and '-', beginning with a letter or digit; 2 to 64 characters. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** Names the trail and the sign-in use for no account. */
    static final Set<String> RESERVED = Set.of("anonymous", "system");

    @Inject
    AuditTrail auditTrail;

    @Inject
    WebSessions sessions;

    @Inject
    Disclosure disclosure;

    /** Every account, by name. */
    public List<AccountView> list() {
        return User.<User>list("order by username").stream().map(AccountView::of).toList();
    }

    public AccountView find(String username) {
        return AccountView.of(load(username));
    }

    @Transactional
    public AccountView create(Reader actor, AccountInput in) {
        requireAdmin(actor);
        if (in == null) {
            throw new AccountRefused("send username, password, roles, clearance and noforn");
        }
        String username = validUsername(in.username());
        AccountGrant grant = grant(in);
        requireGoodPassword(username, in.password());
        requireMayGive(actor, grant);
        auditTrail.lockHead();
        if (User.findByUsername(username) != null) {
            throw new AccountRefused.Conflict("the user name '" + username + "' is taken");
        }
        User user = User.add(username, in.password(), new LinkedHashSet<>(grant.roles()), grant.clearance(),
                grant.noforn());
        record(actor, AuditAction.ACCOUNT_CREATED, null, describe(user), "account '" + username + "' (LOCAL)");
        Log.infof("%s created the account %s (%s)", actor.username(), username, grant.describe());
        return AccountView.of(user);
    }

    /**
     * Sets the roles, clearance and NOFORN eligibility of a local account, and its password when one is given. Its
     * sessions end when anything changed.
     */
    @Transactional
    public AccountView change(Reader actor, String username, AccountInput in) {
        requireAdmin(actor);
        auditTrail.lockHead();
        User user = load(username);
        requireLocal(user, "its roles, clearance and password");
        if (in == null) {
            throw new AccountRefused("send roles, clearance and noforn (and a password only to reset it)");
        }
        if (in.username() != null && !in.username().toLowerCase(Locale.ROOT).equals(user.username)) {
            throw new AccountRefused("a user name cannot be changed (the request names '" + quote(in.username())
                    + "' for the account '" + user.username + "')");
        }
        AccountGrant before = AccountGrant.of(user);
        AccountGrant after = grant(in);
        boolean newPassword = in.password() != null;
        if (newPassword) {
            requireGoodPassword(user.username, in.password());
        }
        if (isSelf(actor, user)) {
            requireNoRaise(user, before, after);
        }
        requireClearedFor(actor, user, before, newPassword ? "reset the password of" : "change");
        requireMayGive(actor, after);
        if (before.hasRole(Roles.ADMIN) && !after.hasRole(Roles.ADMIN)) {
            requireNotLastAdmin(user, "take the ADMIN role from");
        }
        String was = describe(user);
        List<String> done = new ArrayList<>();
        if (!before.equals(after)) {
            user.roles = after.storedRoles();
            user.clearance = after.clearance();
            user.nofornEligible = after.noforn();
            boolean rolesChanged = !before.roles().equals(after.roles());
            record(actor, rolesChanged ? AuditAction.ROLES_CHANGED : AuditAction.ACCOUNT_CHANGED, was, describe(user),
                    "account '" + user.username + "'" + endSessions(user, WebSessions.CHANGED));
            done.add(after.describe());
        }
        if (newPassword) {
            setPassword(actor, user, in.password());
            done.add("new password");
        }
        if (!done.isEmpty()) {
            Log.infof("%s changed the account %s: %s", actor.username(), user.username, String.join("; ", done));
        }
        return AccountView.of(user);
    }

    @Transactional
    public AccountView resetPassword(Reader actor, String username, String password) {
        requireAdmin(actor);
        auditTrail.lockHead();
        User user = load(username);
        requireLocal(user, "its password");
        requireGoodPassword(user.username, password);
        requireClearedFor(actor, user, AccountGrant.of(user), "reset the password of");
        setPassword(actor, user, password);
        Log.infof("%s reset the password of %s", actor.username(), user.username);
        return AccountView.of(user);
    }

    /** Disables an account: it can no longer sign in, and its sessions end now. */
    @Transactional
    public AccountView disable(Reader actor, String username) {
        requireAdmin(actor);
        auditTrail.lockHead();
        User user = load(username);
        if (isSelf(actor, user)) {
            throw new AccountRefused.Conflict("you cannot disable your own account");
        }
        if (user.disabled) {
            return AccountView.of(user);
        }
        if (AccountGrant.of(user).hasRole(Roles.ADMIN)) {
            requireNotLastAdmin(user, "disable");
        }
        String was = describe(user);
        user.disabled = true;
        record(actor, AuditAction.ACCOUNT_DISABLED, was, describe(user),
                "account '" + user.username + "'" + endSessions(user, WebSessions.DISABLED));
        Log.infof("%s disabled the account %s", actor.username(), user.username);
        return AccountView.of(user);
    }

    @Transactional
    public AccountView enable(Reader actor, String username) {
        requireAdmin(actor);
        auditTrail.lockHead();
        User user = load(username);
        if (!user.disabled) {
            return AccountView.of(user);
        }
        String was = describe(user);
        user.disabled = false;
        record(actor, AuditAction.ACCOUNT_ENABLED, was, describe(user), "account '" + user.username + "'");
        Log.infof("%s enabled the account %s", actor.username(), user.username);
        return AccountView.of(user);
    }

    /** Forgets the account's TOTP secret: it enrols a new second factor at its next sign-in. Its sessions end. */
    @Transactional
    public AccountView resetSecondFactor(Reader actor, String username) {
        requireAdmin(actor);
        auditTrail.lockHead();
        User user = load(username);
        requireLocal(user, "its second factor");
        if (user.totpSecret == null && user.totpLastStep == null) {
            return AccountView.of(user);
        }
        user.totpSecret = null;
        user.totpLastStep = null;
        String now = describe(user);
        record(actor, AuditAction.SECOND_FACTOR_RESET, now, now,
                "account '" + user.username + "'" + endSessions(user, WebSessions.CHANGED));
        Log.infof("%s reset the second factor of %s", actor.username(), user.username);
        return AccountView.of(user);
    }

    // ---- the checks, each refusing before anything is written

    private static void requireAdmin(Reader actor) {
        if (actor == null || actor.anonymous() || !actor.hasRole(Roles.ADMIN)) {
            throw new AccountRefused.NotPermitted("only an administrator manages accounts");
        }
    }

    private static User load(String username) {
        User user = username == null ? null : User.findByUsername(username.toLowerCase(Locale.ROOT));
        if (user == null) {
            throw new AccountRefused.NotFound(quote(username));
        }
        return user;
    }

    /** The user name lower-cased, when it is well-formed and not reserved. */
    static String validUsername(String given) {
        if (given == null || given.isEmpty()) {
            throw new AccountRefused("a user name is required");
        }
        String username = given.toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountRefused("the user name '" + quote(given) + "' is not allowed: 2 to 64 characters,"
                    + " letters, digits, '.', '_' or '-', beginning with a letter or a digit, no spaces");
        }
        if (RESERVED.contains(username)) {
            throw new AccountRefused("the user name '" + username + "' is reserved");
        }
        return username;
    }

    /** The roles, clearance and NOFORN eligibility asked for, each required and known. */
    static AccountGrant grant(AccountInput in) {
        if (in.roles() == null || in.roles().isEmpty()) {
            throw new AccountRefused("at least one role is required (" + String.join(", ", Roles.ALL) + ")");
        }
        List<String> roles = new ArrayList<>();
        for (String r : in.roles()) {
            String role = r == null ? "" : r.toUpperCase(Locale.ROOT);
            if (!Roles.ALL.contains(role)) {
                throw new AccountRefused("unknown role '" + quote(r) + "' (the roles are "
                        + String.join(", ", Roles.ALL) + ")");
            }
            roles.add(role);
        }
        if (in.clearance() == null || in.clearance().isBlank()) {
            throw new AccountRefused("a clearance is required (" + levels() + ")");
        }
        ClassificationLevel clearance = ClassificationLevel.fromName(in.clearance()).orElseThrow(
                () -> new AccountRefused("unknown clearance '" + quote(in.clearance()) + "' (the clearances are "
                        + levels() + ")"));
        if (in.noforn() == null) {
            throw new AccountRefused("noforn is required: true when the account may read NOFORN material, else false");
        }
        return new AccountGrant(roles, clearance, in.noforn());
    }

    private static void requireGoodPassword(String username, String password) {
        PasswordPolicy.problem(username, password).ifPresent(problem -> {
            throw new AccountRefused(problem);
        });
    }

    private static void requireLocal(User user, String what) {
        if (!User.LOCAL.equals(user.source)) {
            throw new AccountRefused.Conflict("the account '" + user.username + "' signs in through the identity"
                    + " provider, which manages " + what + "; only disable and enable apply here");
        }
    }

    /** Lowering one's own roles or clearance is allowed; gaining anything is not. */
    private void requireNoRaise(User self, AccountGrant before, AccountGrant after) {
        List<String> added = after.rolesAddedTo(before);
        if (!added.isEmpty()) {
            throw new AccountRefused.NotPermitted("you cannot raise your own roles (you asked for "
                    + String.join(", ", added) + "); another administrator must");
        }
        if (!disclosure.mayAssign(Reader.of(self), Classification.of(after.clearance(), after.noforn()))) {
            throw new AccountRefused.NotPermitted("you cannot raise your own clearance (from "
                    + before.describeClearance() + " to " + after.describeClearance()
                    + "); another administrator must");
        }
    }

    /** The actor holds the clearance (and NOFORN eligibility) they would give. */
    private void requireMayGive(Reader actor, AccountGrant grant) {
        if (!disclosure.mayAssign(actor, Classification.of(grant.clearance(), grant.noforn()))) {
            throw new AccountRefused.NotPermitted("you cannot give a clearance you do not hold ("
                    + grant.describeClearance() + "; yours is " + actor.describeClearance() + ")");
        }
    }

    /** The actor is cleared for what the account may read now. */
    private void requireClearedFor(Reader actor, User user, AccountGrant now, String what) {
        if (!disclosure.mayAssign(actor, Classification.of(now.clearance(), now.noforn()))) {
            throw new AccountRefused.NotPermitted("you cannot " + what + " the account '" + user.username
                    + "', which is cleared above you (yours is " + actor.describeClearance() + ")");
        }
    }

    private static void requireNotLastAdmin(User user, String what) {
        if (user.disabled || !User.LOCAL.equals(user.source)) {
            return;
        }
        long others = User.<User>list("disabled = false and source = ?1 and username <> ?2", User.LOCAL,
                user.username).stream().filter(u -> Roles.parse(u.roles).contains(Roles.ADMIN)).count();
        if (others == 0) {
            throw new AccountRefused.Conflict("you cannot " + what + " '" + user.username
                    + "': it is the last enabled local administrator");
        }
    }

    // ---- the writes

    private void setPassword(Reader actor, User user, String password) {
        user.password = BcryptUtil.bcryptHash(password);
        user.passwordChangedAt = Instant.now();
        String now = describe(user);
        record(actor, AuditAction.PASSWORD_RESET, now, now,
                "account '" + user.username + "'" + endSessions(user, WebSessions.CHANGED));
    }

    /** Ends the account's sessions; the note's tail saying how many. */
    private String endSessions(User user, String reason) {
        int ended = sessions.endAllFor(user.username, reason);
        return ended == 0 ? "" : "; " + ended + (ended == 1 ? " session" : " sessions") + " ended";
    }

    private void record(Reader actor, AuditAction action, String before, String after, String note) {
        auditTrail.record(AuditEvent.by(actor.username(), actor.roles(), action).marking(before, after).note(note));
    }

    /** "REVIEWER; SECRET, NOFORN-eligible", and "; disabled" when it is. */
    static String describe(User user) {
        return AccountGrant.of(user).describe() + (user.disabled ? "; disabled" : "");
    }

    private static boolean isSelf(Reader actor, User user) {
        return user.username.equals(actor.username());
    }

    private static String levels() {
        List<String> names = new ArrayList<>();
        for (ClassificationLevel l : ClassificationLevel.values()) {
            names.add(l.displayName());
        }
        return String.join(", ", names);
    }

    /** A caller's value in a message: at most 64 characters, without line breaks. */
    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("[\\r\\n\\t]", " ");
        return one.length() <= 64 ? one : one.substring(0, 64) + "…";
    }
}
