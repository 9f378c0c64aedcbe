package org.declass.signin;

import org.declass.security.User;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who must give a second factor: a local account that has enrolled one, or that holds a role listed in
 * {@code declass.session.second-factor-roles}. Such an account cannot use HTTP Basic (a password alone): it uses the
 * pages, whose read-only API links accept the session, or single sign-on. Demo mode ({@code declass.demo=true}, known
 * passwords, never real data) asks only enrolled accounts.
 */
@ApplicationScoped
public class SecondFactorPolicy {

    @Inject
    SessionConfig config;

    @ConfigProperty(name = "declass.demo", defaultValue = "false")
    boolean demo;

    public boolean required(User user) {
        if (user == null || !User.LOCAL.equals(user.source)) {
            return false;
        }
        if (user.totpSecret != null) {
            return true;
        }
        if (demo) {
            return false;
        }
        Set<String> roles = config.secondFactorRoles().orElse(Set.of());
        return user.roleList().stream().anyMatch(roles::contains);
    }

    void onStart(@Observes StartupEvent event) {
        Set<String> roles = config.secondFactorRoles().orElse(Set.of());
        if (demo && !roles.isEmpty()) {
            Log.warnf("Demo mode: the second factor required of %s is not asked (demo accounts, password 'demo');"
                    + " never run demo mode on real data", roles);
        } else if (!roles.isEmpty()) {
            Log.infof("A second factor (TOTP) is required of local accounts with the roles %s;"
                    + " they cannot use HTTP Basic", roles);
        }
    }
}
