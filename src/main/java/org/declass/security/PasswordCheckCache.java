package org.declass.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.common.runtime.JpaIdentityProviderUtil;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a user name and password (HTTP Basic on every API call, and the login form) exactly as the generated
 * security-jpa provider does (bcrypt, roles from {@link User#roles}), but remembers for {@link #TTL} that this
 * password matched this stored hash, so that a client calling the API repeatedly pays one bcrypt (about 70-150 ms
 * on our cores) instead of one per request.
 * <ul>
 * <li>The account row is read on every request: a changed password hash, changed roles or a deleted account take
 * effect at once, on every node.</li>
 * <li>A wrong password is never remembered and always costs a full bcrypt check, as before.</li>
 * <li>What is remembered is an HMAC-SHA256 of the password under a random key that lives only in this process,
 * never the password.</li>
 * </ul>
 */
@ApplicationScoped
public class PasswordCheckCache implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private record Remembered(String storedHash, byte[] passwordMac, long expiresAt) {
    }

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final SecretKeySpec key;

    public PasswordCheckCache() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        key = new SecretKeySpec(k, "HmacSHA256");
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Before the generated security-jpa provider (priority 1001), which then never runs for this request type. */
    @Override
    public int priority() {
        return 2_000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = request.getUsername();
            User user = QuarkusTransaction.joiningExisting().call(() -> User.findByUsername(username));
            if (user == null) {
                throw new AuthenticationFailedException();
            }
            byte[] mac = mac(username, request.getPassword().getPassword());
            long now = System.nanoTime();
            Remembered r = remembered.get(username);
            QuarkusSecurityIdentity.Builder builder;
            if (r != null && r.storedHash().equals(user.password) && now - r.expiresAt() < 0
                    && MessageDigest.isEqual(r.passwordMac(), mac)) {
                builder = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal(username))
                        .addCredential(request.getPassword());
            } else {
                // throws AuthenticationFailedException on a wrong password
                builder = JpaIdentityProviderUtil.checkPassword(
                        JpaIdentityProviderUtil.getMcfPassword(user.password), request);
                if (remembered.size() >= MAX_ENTRIES) {
                    remembered.clear();
                }
                remembered.put(username, new Remembered(user.password, mac, now + TTL.toNanos()));
            }
            JpaIdentityProviderUtil.addRoles(builder, user.roles);
            return builder.build();
        });
    }

    private byte[] mac(String username, char[] password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(username.getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            return m.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
