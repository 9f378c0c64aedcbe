package org.declass.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Roles;
import org.declass.security.User;

/**
 * Creating accounts: the first administrator of a new installation, and the demo accounts. Its own package, above
 * {@code security} and {@code audit}: it records ACCOUNT_CREATED, and {@code security} imports no feature.
 */
@ApplicationScoped
public class AccountService {

    public record DemoAccount(String username, Set<String> roles, ClassificationLevel clearance, boolean noforn) {
    }

    /**
     * One account per role, password "demo"; reviewer2 and auditor2 are CONFIDENTIAL and not NOFORN-eligible
     * (auditor2 sees the notes and reasons of SECRET and NOFORN portions and cables only as placeholders).
     */
    public static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("reviewer", Set.of(Roles.REVIEWER), ClassificationLevel.SECRET, true),
            new DemoAccount("reviewer2", Set.of(Roles.REVIEWER), ClassificationLevel.CONFIDENTIAL, false),
            new DemoAccount("approver", Set.of(Roles.APPROVER), ClassificationLevel.TOP_SECRET, true),
            new DemoAccount("auditor", Set.of(Roles.AUDITOR), ClassificationLevel.SECRET, true),
            new DemoAccount("auditor2", Set.of(Roles.AUDITOR), ClassificationLevel.CONFIDENTIAL, false),
            new DemoAccount("admin", new LinkedHashSet<>(Roles.ALL), ClassificationLevel.TOP_SECRET, true));

    public static final String DEMO_PASSWORD = "demo";

    @jakarta.inject.Inject
    AuditTrail auditTrail;

    @Transactional
    public int createDemoAccounts() {
        int created = 0;
        for (DemoAccount a : DEMO_ACCOUNTS) {
            if (User.findByUsername(a.username()) == null) {
                User user = User.add(a.username(), DEMO_PASSWORD, a.roles(), a.clearance(), a.noforn());
                auditCreated(user, "system:startup", "demo account");
                created++;
            }
        }
        return created;
    }

    /**
     * On a new installation (no accounts at all), creates "admin" with all roles and TOP SECRET clearance. The
     * password comes from {@code initialPassword} (the DECLASS_ADMIN_PASSWORD environment variable), or is
     * generated and written to {@code <data-dir>/initial-admin-password}, readable by the server's account only
     * (0600); the log names the file, never the password. A file that cannot be written stops the start, and no
     * administrator is created (the next start tries again).
     *
     * @return true when the admin was created
     */
    @Transactional
    public boolean createFirstAdmin(String initialPassword) {
        // SQL, not HQL (User.count()): run at every start, an HQL query would build the query parser on the
        // start-up path (docs/performance.md, "Startup")
        Number accounts = (Number) User.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM app_user")
                .getSingleResult();
        if (accounts.longValue() > 0) {
            return false;
        }
        String password = initialPassword;
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        User admin = User.add("admin", password, new LinkedHashSet<>(Roles.ALL), ClassificationLevel.TOP_SECRET, true);
        auditCreated(admin, "system:startup", "first administrator");
        if (generated) {
            java.nio.file.Path file = java.nio.file.Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("declass.data-dir", String.class), "initial-admin-password").toAbsolutePath();
            try {
                org.declass.security.PrivateFiles.write(file, password + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the first administrator's password to " + file
                        + "; set DECLASS_ADMIN_PASSWORD or make the data directory writable", e);
            }
            Log.warnf("Created the first administrator 'admin' with a generated password, written to %s (readable"
                    + " by this account only): delete the file once you have signed in and changed the password."
                    + " Set DECLASS_ADMIN_PASSWORD to choose it instead", file);
        } else {
            Log.info("Created the first administrator 'admin' with the password from DECLASS_ADMIN_PASSWORD");
        }
        return true;
    }

    private void auditCreated(User user, String actor, String why) {
        auditTrail.record(AuditEvent.by(actor, AuditAction.ACCOUNT_CREATED)
                .marking(null, user.clearance.displayName() + (user.nofornEligible ? ", NOFORN-eligible" : ""))
                .note(why + " '" + user.username + "' with roles " + user.roles));
    }
}
