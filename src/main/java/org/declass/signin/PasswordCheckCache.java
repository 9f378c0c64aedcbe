package org.declass.signin;

import org.declass.security.User;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
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
 * <li>Requests that arrive together with the same name and password share one bcrypt check (a client opening with
 * many parallel calls pays one, not one per call); each still counts as its own sign-in.</li>
 * <li>A wrong password is never remembered and always costs a full bcrypt check, as does an unknown user name
 * ({@link Passwords}); failures are counted and a blocked name or address is refused before any check
 * ({@link SignInGuard}, answered 429).</li>
 * <li>A disabled account, or one signed in by an identity provider, never authenticates with a password.</li>
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

    @jakarta.inject.Inject
    SignInGuard guard;

    @jakarta.inject.Inject
    Passwords passwords;

    @jakarta.inject.Inject
    SecondFactorPolicy secondFactor;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();
    private final AtomicLong checks = new AtomicLong();
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
            String username = request.getUsername().trim().toLowerCase(java.util.Locale.ROOT);
            String address = ClientAddress.of(HttpSecurityUtils.getRoutingContextAttribute(request));
            SignInGuard.Check check = guard.check(username, address);
            if (check.blockedFor().isPresent()) {
                throw SignInGuard.throttled(check.blockedFor().get());
            }
            User user = QuarkusTransaction.joiningExisting().call(() -> User.findByUsername(username));
            byte[] mac = mac(username, request.getPassword().getPassword());
            long now = System.nanoTime();
            Remembered r = remembered.get(username);
            boolean known = user != null && !user.disabled && r != null && r.storedHash().equals(user.password)
                    && now - r.expiresAt() < 0 && MessageDigest.isEqual(r.passwordMac(), mac);
            if (!known) {
                // the same bcrypt cost for an unknown name, a disabled account and a wrong password
                if (!matchesOnce(username, user, mac, request.getPassword().getPassword())) {
                    Optional<Duration> blocked = guard.failed(username, address);
                    throw blocked.isPresent() ? SignInGuard.throttled(blocked.get())
                            : new AuthenticationFailedException();
                }
                if (remembered.size() >= MAX_ENTRIES) {
                    remembered.clear();
                }
                remembered.put(username, new Remembered(user.password, mac, now + TTL.toNanos()));
            }
            if (check.hadFailures()) {
                guard.succeeded(username);
            }
            if (secondFactor.required(user)) {
                // a password alone must not open what the login form guards with a second factor
                throw new AuthenticationFailedException("this account signs in with a second factor: use the"
                        + " pages or single sign-on, not HTTP Basic");
            }
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal(username))
                    .addCredential(request.getPassword());
            JpaIdentityProviderUtil.addRoles(builder, user.roles);
            return builder.build();
        });
    }

    /**
     * One bcrypt check for requests that arrive together with the same name, password and stored hash (a client
     * that opens its session with 64 parallel API calls): the first checks, the others wait for its answer instead
     * of each paying its own check on a core. Each still counts as its own sign-in, failure included; a request
     * with another password or after a password change has another key and is checked on its own.
     */
    private boolean matchesOnce(String username, User user, byte[] mac, char[] password) {
        String key = username + '\0' + (user == null ? "" : user.password) + '\0'
                + java.util.HexFormat.of().formatHex(mac);
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            checks.incrementAndGet();
            boolean matched = passwords.matches(user, password);
            mine.complete(matched);
            return matched;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    /** Password hash checks made by this instance since it started (for tests and benchmarks). */
    long checks() {
        return checks.get();
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
