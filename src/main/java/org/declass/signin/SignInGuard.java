package org.declass.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

/**
 * Resists password guessing, on every instance at once (the counts are rows of sign_in_throttle): after
 * {@link SessionConfig#maxAccountFailures()} failures for one user name, or {@link SessionConfig#maxAddressFailures()}
 * from one client address, within {@link SessionConfig#failureWindow()}, sign-ins of that name or from that address
 * are refused with 429 for {@link SessionConfig#firstBlock()}, doubling with each further block of the day up to
 * {@link SessionConfig#maxBlock()}. A refused sign-in checks no password.
 * <p>
 * The user name is counted whether or not an account has it, so the answers do not tell which names exist. Wall-clock
 * time, never the demo clock.
 */
@ApplicationScoped
public class SignInGuard {

    @Inject
    SessionConfig config;

    private volatile Clock clock = Clock.systemUTC();

    /** Tests move time forward to see blocks end; the application never calls this. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** What the guard knows before a password is checked. */
    public record Check(Optional<Duration> blockedFor, boolean hadFailures) {
    }

    /** Whether this name or address is blocked now; reads only. */
    public Check check(String username, String clientAddress) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            SignInThrottle account = SignInThrottle.findById(accountSubject(username));
            SignInThrottle address = clientAddress == null ? null : SignInThrottle.findById(addressSubject(clientAddress));
            Duration wait = Duration.ZERO;
            for (SignInThrottle t : new SignInThrottle[] {account, address}) {
                if (t != null && t.blockedUntil != null && t.blockedUntil.isAfter(now)) {
                    Duration left = Duration.between(now, t.blockedUntil);
                    wait = left.compareTo(wait) > 0 ? left : wait;
                }
            }
            return new Check(wait.isZero() ? Optional.empty() : Optional.of(wait),
                    account != null && (account.failures > 0 || account.blockedUntil != null));
        });
    }

    /**
     * Counts a failure of this name from this address; returns how long both are now blocked when this failure
     * reached a limit.
     */
    public Optional<Duration> failed(String username, String clientAddress) {
        Optional<Duration> byAccount = count(accountSubject(username), config.maxAccountFailures());
        Optional<Duration> byAddress = clientAddress == null ? Optional.empty()
                : count(addressSubject(clientAddress), config.maxAddressFailures());
        if (byAccount.isPresent() && byAddress.isPresent()) {
            return byAccount.get().compareTo(byAddress.get()) >= 0 ? byAccount : byAddress;
        }
        return byAccount.isPresent() ? byAccount : byAddress;
    }

    /** A right password: the name's failures are forgiven (the address's stay counted). */
    public void succeeded(String username) {
        QuarkusTransaction.requiringNew().run(() -> SignInThrottle.deleteById(accountSubject(username)));
    }

    private Optional<Duration> count(String subject, int limit) {
        for (int attempt = 0; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> countOnce(subject, limit));
            } catch (RuntimeException e) {
                // two requests or instances inserted the first failure at once: the row exists now, count again.
                // The insert fails at the commit, so the conflict arrives wrapped in the transaction's exception.
                if (attempt >= 2 || !insertConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean insertConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }

    private Optional<Duration> countOnce(String subject, int limit) {
        Instant now = clock.instant();
        SignInThrottle t = SignInThrottle.findById(subject, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            t = new SignInThrottle();
            t.subject = subject;
            t.windowStart = now;
            t.persist();
        }
        if (t.blockedUntil != null && t.blockedUntil.plus(Duration.ofDays(1)).isBefore(now)) {
            t.lockouts = 0; // a quiet day forgives the doubling
            t.blockedUntil = null;
        }
        if (!now.isBefore(t.windowStart.plus(config.failureWindow()))) {
            t.windowStart = now;
            t.failures = 0;
        }
        t.failures++;
        if (t.failures < limit) {
            t.persist();
            return Optional.empty();
        }
        Duration block = config.firstBlock().multipliedBy(1L << Math.min(t.lockouts, 20));
        if (block.compareTo(config.maxBlock()) > 0) {
            block = config.maxBlock();
        }
        t.lockouts++;
        t.failures = 0;
        t.windowStart = now;
        t.blockedUntil = now.plus(block);
        t.persist();
        return Optional.of(block);
    }

    /** The attribute of an {@link AuthenticationFailedException} that says how many seconds a sign-in is blocked. */
    public static final String RETRY_AFTER = "declass.retry-after";

    /**
     * A sign-in refused without checking the password (answered 429 with Retry-After, the same whether the account
     * exists or not).
     */
    public static AuthenticationFailedException throttled(Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        return new AuthenticationFailedException("too many failed sign-ins; try again in " + seconds + " seconds",
                java.util.Map.of(RETRY_AFTER, seconds));
    }

    /** The seconds to wait, when this failure is a throttled sign-in. */
    public static Optional<Long> retryAfter(AuthenticationFailedException e) {
        Object seconds = e.getAttributes() == null ? null : e.getAttributes().get(RETRY_AFTER);
        return seconds instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    static String accountSubject(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "account:" + (name.length() <= 100 ? name : name.substring(0, 100));
    }

    static String addressSubject(String address) {
        return "address:" + (address.length() <= 100 ? address : address.substring(0, 100));
    }
}
