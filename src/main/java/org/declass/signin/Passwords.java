package org.declass.signin;

import org.declass.security.User;
import java.security.SecureRandom;
import java.util.Base64;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a local account's password with the same cost whatever the outcome: an unknown user name, a disabled
 * account or an account signed in by an identity provider are checked against a dummy bcrypt hash of the same cost,
 * so that the time of the answer does not tell which user names exist.
 */
@ApplicationScoped
public class Passwords {

    private final String dummyHash;

    public Passwords() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        dummyHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random));
    }

    /** Whether the account may sign in with a password and this is its password. */
    public boolean matches(User user, char[] password) {
        String attempt = new String(password);
        boolean usable = user != null && !user.disabled && User.LOCAL.equals(user.source);
        boolean right = BcryptUtil.matches(attempt, usable ? user.password : dummyHash);
        return usable && right;
    }
}
