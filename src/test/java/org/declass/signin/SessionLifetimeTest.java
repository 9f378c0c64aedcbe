package org.declass.signin;

import org.declass.security.User;
import org.declass.security.Roles;
import org.declass.security.SessionPrincipal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.marking.ClassificationLevel;
import org.declass.web.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session ends when it idles too long, when it grows too old, and when its account is disabled. */
@QuarkusTest
class SessionLifetimeTest {

    @Inject
    WebSessions sessions;

    @AfterEach
    void realTime() {
        sessions.useClock(Clock.systemUTC());
    }

    @Test
    void aSessionUnusedForLongerThanTheIdleTimeoutEndsAndStaysEnded() {
        String token = sessions.open(SessionPrincipal.local("reviewer"), false, null);
        assertThat(sessions.active(token)).isPresent();
        sessions.useClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(31)));
        assertThat(sessions.active(token)).isEmpty();
        sessions.useClock(Clock.systemUTC());
        assertThat(sessions.active(token)).as("ended, not merely idle").isEmpty();
    }

    @Test
    void aSessionInUseStillEndsAtTheAbsoluteTimeout() {
        String token = sessions.open(SessionPrincipal.local("reviewer"), false, null);
        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            sessions.useClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes)));
            assertThat(sessions.active(token)).as("after %d minutes", minutes).isPresent();
        }
        sessions.useClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(12).plusMinutes(1)));
        assertThat(sessions.active(token)).isEmpty();
    }

    @Test
    void disablingTheAccountEndsItsSessionAtTheNextRequest() {
        String name = "leaver-" + Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> User.add(name, "right-password-123", Set.of(Roles.REVIEWER),
                ClassificationLevel.CONFIDENTIAL, false));
        String token = SignIn.post(name, "right-password-123").getCookie(SignIn.COOKIE);
        given().cookie(SignIn.COOKIE, token).get("/api/cables?size=1").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> User.findByUsername(name).disabled = true);
        given().cookie(SignIn.COOKIE, token).get("/api/cables?size=1").then().statusCode(401);
        given().auth().preemptive().basic(name, "right-password-123").get("/api/cables?size=1").then()
                .statusCode(401);
        assertThat(sessions.active(token)).isEmpty();
    }

    @Test
    void theDatabaseHoldsOnlyTheTokensHashNeverTheToken() {
        String token = sessions.open(SessionPrincipal.local("auditor"), false, null);
        assertThat(QuarkusTransaction.requiringNew().call(() -> (WebSession) WebSession.findById(token))).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> (WebSession) WebSession.findById(
                WebSessions.idOf(token)))).isNotNull();
    }

    @Test
    void aSessionOwingItsSecondFactorLastsFiveMinutesAtMost() {
        String token = sessions.open(SessionPrincipal.local("approver"), true, null);
        assertThat(sessions.pending(token)).isPresent();
        assertThat(sessions.active(token)).as("pending opens nothing").isEmpty();
        sessions.useClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));
        assertThat(sessions.pending(token)).isEmpty();
    }

    @Test
    void endedSessionsAreDeletedADayLater() {
        String token = sessions.open(SessionPrincipal.local("reviewer"), false, null);
        sessions.end(token, WebSessions.SIGNED_OUT);
        sessions.purge(java.time.Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> (WebSession) WebSession.findById(
                WebSessions.idOf(token)))).isNull();
    }
}
