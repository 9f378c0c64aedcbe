package org.declass.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.metrics.SignInMeters;

/**
 * The audit of sign-ins. A success ({@link #succeeded}) and the end of a session ({@link #signedOut}) are recorded
 * at once, naming the user. Failures are not: anyone can cause them, so that an entry each would let an anonymous
 * caller fill the trail. {@link #failed} and {@link #blocked} only count, in memory, per client address and
 * mechanism (the count, the first and last time, and up to {@value #NAMES} distinct names tried, fingerprinted at
 * once, see {@link AttemptedName}); {@link #flush} then writes one LOGIN_FAILED entry per address and mechanism,
 * actor {@code anonymous}, the count in the note and the cleaned names in attempted_name:
 * <pre>7 failed sign-ins (form) from 10.0.0.5 between 12:00:01 and 12:00:40 UTC, 2 of them refused while blocked</pre>
 * At most {@value #MAX_ENTRIES} such entries per flush, the addresses with the most failures first; the rest become
 * one summary entry. At most {@value #MAX_TRACKED} addresses are counted apart between two flushes; failures from
 * further addresses are counted together, in the summary. So each flush writes at most {@value #MAX_ENTRIES} + 1
 * entries, whatever the callers do, and the memory held is bounded.
 * <p>
 * {@link SignInAuditJob} flushes every {@code declass.audit.sign-in-flush} (and at shutdown). Each instance counts
 * and flushes its own failures: a burst spread over two instances is two entries.
 * <p>
 * HTTP Basic failures on the API arrive as Quarkus's {@link AuthenticationFailureEvent} and are counted here as
 * mechanism {@code basic}; the sign-in code reports the other mechanisms itself.
 */
@ApplicationScoped
public class SignInAudit {

    /** Entries per flush for single addresses; failures beyond them go to one summary entry. */
    static final int MAX_ENTRIES = 50;
    /** Addresses (with mechanism) counted apart between two flushes. */
    static final int MAX_TRACKED = 5000;
    /** Distinct names kept per address, to be shown. */
    static final int NAMES = 5;
    /** Distinct names counted per address (for "and N more"); beyond it the count is a lower bound. */
    static final int DISTINCT = 64;
    static final int ATTEMPTED_NAME_LENGTH = 200;

    private static final Pattern MECHANISM = Pattern.compile("[a-z0-9-]{1,20}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** Where failures from addresses beyond {@link #MAX_TRACKED} are counted. */
    private static final Source BEYOND = new Source(null, null);

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    SignInMeters meters;

    private final ConcurrentHashMap<Source, Burst> pending = new ConcurrentHashMap<>();

    /** The checkpoint key, taken at start so that counting never waits for the trail to read its key file. */
    private volatile CheckpointSigner key;

    void onStart(@Observes StartupEvent event) {
        key = trail.signer();
    }

    private CheckpointSigner key() {
        CheckpointSigner k = key;
        if (k == null) {
            k = trail.signer();
            key = k;
        }
        return k;
    }

    /**
     * A sign-in failed: wrong password, unknown name, disabled account, wrong second factor. Counted in memory, no
     * database: cheap, callable from any thread, also the event loop. Nothing typed is kept (see
     * {@link AttemptedName}).
     *
     * @param mechanism "form", "basic", "second-factor", "sso" (anything else is recorded as "other")
     */
    public void failed(String attemptedName, String mechanism, String clientAddress) {
        count(attemptedName, mechanism, clientAddress, false);
    }

    /** A sign-in refused with 429 while blocked: counted with the failures, as "refused while blocked". */
    public void blocked(String attemptedName, String mechanism, String clientAddress) {
        count(attemptedName, mechanism, clientAddress, true);
    }

    /** Records LOGIN_SUCCEEDED now, with the request id and client address. Blocking: call it on a worker thread. */
    public void succeeded(String username, Collection<String> roles, String mechanism, RoutingContext rc) {
        trail.recordAlone(AuditEvent.by(username, roles, AuditAction.LOGIN_SUCCEEDED)
                .note("signed in (" + mechanism(mechanism) + ")"), AuditRequest.describe(rc));
    }

    /**
     * Records LOGOUT now: the session of this user ended. Blocking: call it on a worker thread.
     *
     * @param reason why, in a few words: "signed out", "idle timeout", "account disabled"...
     * @param rc     the request that ended it, or null (a timeout noticed away from a request)
     */
    public void signedOut(String username, Collection<String> roles, String reason, RoutingContext rc) {
        String why = reason == null || reason.isBlank() ? "signed out" : AttemptedName.printable(reason).strip();
        trail.recordAlone(AuditEvent.by(username, roles, AuditAction.LOGOUT).note("session ended: " + why),
                AuditRequest.describe(rc));
    }

    /**
     * Writes the failures counted so far, in one transaction: one LOGIN_FAILED entry per client address and
     * mechanism, at most {@value #MAX_ENTRIES}, and one summary entry for the rest. Blocking.
     *
     * @return the number of entries written
     */
    public int flush() {
        List<Burst> bursts = drain();
        if (bursts.isEmpty()) {
            return 0;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(bursts));
        } catch (RuntimeException e) {
            long failures = bursts.stream().mapToLong(b -> b.attempts).sum();
            Log.warnf("could not record %d failed sign-ins from %d sources in the audit trail: %s", failures,
                    bursts.size(), e.getMessage());
            throw e;
        }
    }

    /** The attempts counted and not yet written (for tests). */
    long pending() {
        long n = 0;
        for (Source s : pending.keySet()) {
            Burst b = pending.get(s);
            if (b != null) {
                n += b.attempts;
            }
        }
        return n;
    }

    /** HTTP Basic failures (the API): Quarkus reports them as events, with the request. */
    void onFailure(@ObservesAsync AuthenticationFailureEvent event) {
        RoutingContext rc = routingContext(event.getEventProperties());
        if (rc == null) {
            return;
        }
        String auth = rc.request().getHeader("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return; // not Basic: the sign-in code reports the other mechanisms itself
        }
        boolean throttled = event.getAuthenticationFailure() instanceof AuthenticationFailedException e
                && org.declass.signin.SignInGuard.retryAfter(e).isPresent();
        count(basicUser(auth), "basic", AuditRequest.clientAddress(rc), throttled);
    }

    private void count(String attemptedName, String mechanism, String clientAddress, boolean blocked) {
        meters.failed(mechanism(mechanism), blocked);
        AttemptedName name = AttemptedName.of(attemptedName, key());
        Instant now = clock.instant();
        Source source = new Source(address(clientAddress), mechanism(mechanism));
        if (!pending.containsKey(source) && pending.size() >= MAX_TRACKED) {
            source = BEYOND;
        }
        pending.compute(source, (s, b) -> (b == null ? new Burst(s) : b).add(name, now, blocked));
    }

    /** Takes every burst out of the map; a failure counted meanwhile starts a new burst for the next flush. */
    private List<Burst> drain() {
        List<Burst> out = new ArrayList<>();
        for (Source s : pending.keySet()) {
            Burst b = pending.remove(s);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    private int write(List<Burst> bursts) {
        Map<String, String> accounts = bursts.stream().anyMatch(b -> !b.names.isEmpty())
                ? AttemptedName.accounts(accountNames(), key()) : Map.of();
        List<Burst> single = new ArrayList<>();
        List<Burst> rest = new ArrayList<>();
        bursts.stream().filter(b -> b.source != BEYOND)
                .sorted(Comparator.comparingLong((Burst b) -> b.attempts).reversed()
                        .thenComparing(b -> b.first))
                .forEach(b -> (single.size() < MAX_ENTRIES ? single : rest).add(b));
        Burst beyond = bursts.stream().filter(b -> b.source == BEYOND).findFirst().orElse(null);
        int written = 0;
        for (Burst b : single) {
            trail.record(AuditEvent.signInFailure().note(b.note())
                    .attemptedName(b.names(accounts)).request(new String[] {null, b.source.address}));
            written++;
        }
        if (!rest.isEmpty() || beyond != null) {
            trail.record(AuditEvent.signInFailure().note(summary(rest, beyond)).request(new String[] {null, null}));
            written++;
        }
        return written;
    }

    private List<String> accountNames() {
        return em.createQuery("select u.username from User u", String.class).getResultList();
    }

    /** "312 further failed sign-ins from 87 addresses between ... (over the 50 entries of one flush)". */
    static String summary(List<Burst> rest, Burst beyond) {
        long attempts = 0;
        long blocked = 0;
        Instant first = null;
        Instant last = null;
        List<Burst> all = new ArrayList<>(rest);
        if (beyond != null) {
            all.add(beyond);
        }
        for (Burst b : all) {
            attempts += b.attempts;
            blocked += b.blocked;
            first = first == null || b.first.isBefore(first) ? b.first : first;
            last = last == null || b.last.isAfter(last) ? b.last : last;
        }
        Set<String> addresses = new HashSet<>();
        rest.forEach(b -> addresses.add(b.source.address));
        StringBuilder sb = new StringBuilder().append(attempts).append(" further failed sign-in")
                .append(attempts == 1 ? "" : "s").append(" from ");
        if (!addresses.isEmpty()) {
            sb.append(addresses.size()).append(addresses.size() == 1 ? " address" : " addresses");
            if (beyond != null) {
                sb.append(" and ");
            }
        }
        if (beyond != null) {
            sb.append("addresses beyond the ").append(MAX_TRACKED).append(" counted apart");
        }
        sb.append(' ').append(when(first, last));
        if (blocked > 0) {
            sb.append(", ").append(blocked).append(" of them refused while blocked");
        }
        return sb.append(" (more than ").append(MAX_ENTRIES).append(" sources in one flush)").toString();
    }

    /** "between 12:00:01 and 12:00:40 UTC", or "at 12:00:01 UTC"; with the date when the two days differ. */
    static String when(Instant first, Instant last) {
        boolean sameDay = first.atOffset(ZoneOffset.UTC).toLocalDate().equals(last.atOffset(ZoneOffset.UTC)
                .toLocalDate());
        DateTimeFormatter f = sameDay ? TIME : DATE_TIME;
        String a = f.format(first);
        String b = f.format(last);
        return a.equals(b) ? "at " + a + " UTC" : "between " + a + " and " + b + " UTC";
    }

    static RoutingContext routingContext(Map<String, Object> properties) {
        if (properties == null) {
            return null;
        }
        if (properties.get(RoutingContext.class.getName()) instanceof RoutingContext rc) {
            return rc;
        }
        return HttpSecurityUtils.getRoutingContextAttribute(properties);
    }

    /** The user name of a Basic Authorization header (before the first colon); null when unreadable. */
    static String basicUser(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String mechanism(String m) {
        return m != null && MECHANISM.matcher(m).matches() ? m : "other";
    }

    static String address(String a) {
        if (a == null || a.isBlank()) {
            return "an unknown address";
        }
        String clean = AttemptedName.printable(a).strip();
        return clean.length() <= 64 ? clean : clean.substring(0, 64);
    }

    /** Where failures come from. {@link #BEYOND} has neither. */
    record Source(String address, String mechanism) {
    }

    /**
     * The failures from one source since the last flush. Changed only inside {@link ConcurrentHashMap#compute} on
     * its source's key, and read after being removed from the map: never by two threads at once.
     */
    static final class Burst {
        final Source source;
        long attempts;
        long blocked;
        Instant first;
        Instant last;
        /** Up to {@link #NAMES} distinct names, by {@link AttemptedName#key()}, first tried first. */
        final Map<String, AttemptedName> names = new LinkedHashMap<>();
        /** The distinct names seen, up to {@link #DISTINCT}. */
        final Set<String> distinct = new HashSet<>();
        boolean distinctCapped;

        Burst(Source source) {
            this.source = source;
        }

        Burst add(AttemptedName name, Instant at, boolean refusedWhileBlocked) {
            attempts++;
            if (refusedWhileBlocked) {
                blocked++;
            }
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            String key = name.key();
            if (!distinct.contains(key)) {
                if (distinct.size() < DISTINCT) {
                    distinct.add(key);
                    if (names.size() < NAMES) {
                        names.put(key, name);
                    }
                } else {
                    distinctCapped = true;
                }
            }
            return this;
        }

        /** E.g. "7 failed sign-ins (form) from 10.0.0.5 between 12:00:01 and 12:00:40 UTC, 2 of them refused while
         * blocked". */
        String note() {
            StringBuilder sb = new StringBuilder().append(attempts).append(" failed sign-in")
                    .append(attempts == 1 ? "" : "s").append(" (").append(source.mechanism).append(") from ")
                    .append(source.address).append(' ').append(when(first, last));
            if (blocked > 0) {
                sb.append(", ").append(blocked).append(attempts == 1 ? " refused" : " of them refused")
                        .append(" while blocked");
            }
            return sb.toString();
        }

        /** The names tried, as the trail shows them. */
        String names(Map<String, String> accounts) {
            List<String> shown = names.values().stream().map(n -> n.shown(accounts)).toList();
            return AttemptedName.list(shown, distinct.size() - shown.size(), distinctCapped, ATTEMPTED_NAME_LENGTH);
        }
    }
}
