package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Roles;
import org.declass.signin.SignInThrottle;
import org.declass.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in resists guessing: per account and per client address, on the form and on HTTP Basic alike. */
@QuarkusTest
@TestProfile(SignInGuessingTest.LowAddressLimit.class)
class SignInGuessingTest {

    /** Twenty failures per address, as in production (the default test profile allows more). */
    public static class LowAddressLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("declass.session.max-address-failures", "20");
        }
    }

    /** The in-memory database outlives a profile's restart: earlier classes' failures from this address go too. */
    @BeforeEach
    @AfterEach
    void forgetFailures() {
        QuarkusTransaction.requiringNew().run(() -> SignInThrottle.deleteAll());
    }

    static String account(String prefix) {
        String name = prefix + "-" + Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> User.add(name, "right-password-123", Set.of(Roles.REVIEWER),
                ClassificationLevel.CONFIDENTIAL, false));
        return name;
    }

    @Test
    void afterFiveWrongPasswordsTheFormAnswers429WithRetryAfterAndRefusesEvenTheRightPassword() {
        String name = account("guess");
        for (int i = 0; i < 4; i++) {
            assertThat(SignIn.post(name, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        Response fifth = SignIn.post(name, "wrong-5");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(1L, 60L);
        Response right = SignIn.post(name, "right-password-123");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.getCookie(SignIn.COOKIE)).isNull();
        assertThat(right.getBody().asString()).contains("Too many failed sign-ins");
    }

    @Test
    void anUnknownUserNameIsBlockedExactlyLikeAnAccountSoTheAnswerTellsNothing() {
        String known = account("known");
        String unknown = "unknown-" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 5; i++) {
            SignIn.post(known, "wrong-" + i);
            SignIn.post(unknown, "wrong-" + i);
        }
        Response a = SignIn.post(known, "wrong");
        Response b = SignIn.post(unknown, "wrong");
        assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(429);
        assertThat(a.header("Retry-After")).isEqualTo(b.header("Retry-After"));
    }

    @Test
    void httpBasicCountsTheSameFailuresAndAnswers429WithRetryAfterOnTheApi() {
        String name = account("basic");
        for (int i = 0; i < 4; i++) {
            given().auth().preemptive().basic(name, "wrong-" + i).get("/api/cables?size=1").then().statusCode(401);
        }
        Response fifth = given().auth().preemptive().basic(name, "wrong-5").get("/api/cables?size=1");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.header("Retry-After")).isNotBlank();
        assertThat(fifth.jsonPath().getString("message")).contains("too many failed sign-ins");
        given().auth().preemptive().basic(name, "right-password-123").get("/api/cables?size=1").then()
                .statusCode(429);
        assertThat(SignIn.post(name, "right-password-123").statusCode()).isEqualTo(429);
    }

    @Test
    void theRightPasswordBeforeTheLimitForgivesTheEarlierFailures() {
        String name = account("forgiven");
        for (int i = 0; i < 4; i++) {
            SignIn.post(name, "wrong-" + i);
        }
        assertThat(SignIn.post(name, "right-password-123").statusCode()).isEqualTo(303);
        for (int i = 0; i < 4; i++) {
            assertThat(SignIn.post(name, "wrong-again-" + i).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void twentyFailuresFromOneAddressBlockThatAddressWhateverNamesItTries() {
        for (int i = 0; i < 19; i++) {
            assertThat(SignIn.post("spray-" + i + "-" + System.nanoTime(), "wrong").statusCode()).as("failure %d", i)
                    .isEqualTo(401);
        }
        assertThat(SignIn.post("spray-last-" + System.nanoTime(), "wrong").statusCode()).isEqualTo(429);
        // every account from this address is refused now, including one that never failed
        String fresh = account("fresh");
        assertThat(SignIn.post(fresh, "right-password-123").statusCode()).isEqualTo(429);
    }
}
