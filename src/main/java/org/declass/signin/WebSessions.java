package org.declass.signin;

import org.declass.security.User;
import org.declass.security.Roles;
import org.declass.security.SessionPrincipal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Server-side sessions (migration V17). The browser holds a random 256-bit token; the database holds only its
 * SHA-256, so a copy of the database opens no session. Every instance reads the same rows, so signing out, a
 * disabled account or a timeout ends the session on all of them at once.
 * <p>
 * Times are the wall clock's, never the demo clock's: moving the demo clock by ten years must not sign everyone out.
 */
@ApplicationScoped
public class WebSessions {

    /** Why a session ended (web_session.end_reason). */
    public static final String SIGNED_OUT = "SIGNED_OUT";
    public static final String IDLE = "IDLE";
    public static final String EXPIRED = "EXPIRED";
    public static final String DISABLED = "DISABLED";
    public static final String SECOND_FACTOR = "SECOND_FACTOR";
    public static final String CHANGED = "ACCOUNT_CHANGED";

    /** last_seen_at is written at most this often per session, not at every request. */
    static final long TOUCH_SECONDS = 60;

    /** A session that owes its second factor lasts this long at most. */
    static final java.time.Duration PENDING_LIMIT = java.time.Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SessionConfig config;

    private volatile Clock clock = Clock.systemUTC();

    /** Tests move time forward to see timeouts; the application never calls this. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * Opens a session and returns its token for the cookie. A pending session (password right, second factor owed)
     * authenticates nothing until {@link #completeSecondFactor}.
     */
    @Transactional
    public String open(SessionPrincipal who, boolean secondFactorPending, String clientAddress) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        WebSession s = new WebSession();
        s.id = idOf(token);
        s.username = who.username();
        s.source = who.source();
        if (!User.LOCAL.equals(who.source())) {
            s.roles = String.join(",", who.roles());
            s.clearance = who.clearance();
            s.noforn = who.noforn();
        }
        s.secondFactorPending = secondFactorPending;
        s.createdAt = now;
        s.lastSeenAt = now;
        s.clientAddress = clientAddress == null || clientAddress.length() <= 64 ? clientAddress
                : clientAddress.substring(0, 64);
        s.persist();
        return token;
    }

    /**
     * The live, fully signed-in session of this token, touched; empty when unknown, ended, idle too long, past its
     * absolute limit (those two are ended here), or still owing the second factor.
     */
    @Transactional
    public Optional<WebSession> active(String token) {
        return live(token).filter(s -> !s.secondFactorPending);
    }

    /** The live session of this token that still owes its second factor; empty otherwise. */
    @Transactional
    public Optional<WebSession> pending(String token) {
        return live(token).filter(s -> s.secondFactorPending);
    }

    private Optional<WebSession> live(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        WebSession s = WebSession.findById(idOf(token));
        if (s == null || s.endedAt != null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.createdAt.plus(config.absoluteTimeout()))) {
            end(s, EXPIRED, now);
            return Optional.empty();
        }
        if (s.secondFactorPending && !now.isBefore(s.createdAt.plus(PENDING_LIMIT))) {
            end(s, IDLE, now);
            return Optional.empty();
        }
        if (!now.isBefore(s.lastSeenAt.plus(config.idleTimeout()))) {
            end(s, IDLE, now);
            return Optional.empty();
        }
        if (s.lastSeenAt.plusSeconds(TOUCH_SECONDS).isBefore(now)) {
            s.lastSeenAt = now;
        }
        return Optional.of(s);
    }

    /**
     * The second factor was given: the pending session ends and a new one (a new token: nothing learnt of the old
     * cookie opens the new session) starts for the same principal. Empty when the token has no pending session.
     */
    @Transactional
    public Optional<String> completeSecondFactor(String token, String clientAddress) {
        Optional<WebSession> pending = pending(token);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        WebSession s = pending.get();
        end(s, SECOND_FACTOR, clock.instant());
        SessionPrincipal who = new SessionPrincipal(s.username, s.source, Roles.parse(s.roles), s.clearance,
                Boolean.TRUE.equals(s.noforn));
        return Optional.of(open(who, false, clientAddress));
    }

    /** Ends the session of this token (signing out); false when there was none live. */
    @Transactional
    public boolean end(String token, String reason) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        WebSession s = WebSession.findById(idOf(token));
        if (s == null || s.endedAt != null) {
            return false;
        }
        end(s, reason, clock.instant());
        return true;
    }

    /** Ends every live session of an account (disabled, password reset, roles changed); returns how many. */
    @Transactional
    public int endAllFor(String username, String reason) {
        return WebSession.update("endedAt = ?1, endReason = ?2 where username = ?3 and endedAt is null",
                clock.instant(), reason, username);
    }

    /** Every hour: sessions that ended, or expired, more than a day ago are deleted (the trail keeps the sign-ins). */
    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "10m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void purgeOld() {
        purge(clock.instant().minus(java.time.Duration.ofDays(1)));
    }

    /** Deletes sessions that ended, or would have expired, before {@code before}; returns how many. */
    @Transactional
    public long purge(Instant before) {
        return WebSession.delete("(endedAt is not null and endedAt < ?1) or createdAt < ?2", before,
                before.minus(config.absoluteTimeout()));
    }

    private static void end(WebSession s, String reason, Instant now) {
        s.endedAt = now;
        s.endReason = reason;
    }

    /** The row key of a token: lower-case hex SHA-256. */
    public static String idOf(String token) {
        return DigestUtils.sha256Hex(token);
    }
}
