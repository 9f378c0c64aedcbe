package org.declass.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Roles;
import org.declass.signin.Totp;
import org.declass.security.User;
import org.junit.jupiter.api.Test;

/** Approvers must give a TOTP code after their password; the first time they enrol an authenticator. */
@QuarkusTest
@TestProfile(SecondFactorTest.ApproversNeedASecondFactor.class)
class SecondFactorTest {

    public static class ApproversNeedASecondFactor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // not demo mode, which asks only enrolled accounts
            return Map.of("declass.session.second-factor-roles", "APPROVER", "declass.demo", "false");
        }
    }

    static final String PASSWORD = "right-password-123";

    static String approver() {
        String name = "approver-" + Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> User.add(name, PASSWORD, Set.of(Roles.APPROVER),
                ClassificationLevel.SECRET, true));
        return name;
    }

    static String field(String page, String id) {
        Matcher m = Pattern.compile("name=\"" + id + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("field %s on the page", id).isTrue();
        return m.group(1);
    }

    /** The login form this browser got (its pre-session CSRF cookie and token), for the second-factor form too. */
    static SignIn.LoginForm form;

    static String signIn(String name, String password) {
        form = SignIn.loginForm();
        return SignIn.post(form, name, password).getCookie(SignIn.COOKIE);
    }

    static Response give(String pending, String code, String secret, String signature) {
        var request = given().cookie(SignIn.COOKIE, pending).cookie(SignIn.CSRF_COOKIE, form.cookie())
                .formParam(SignIn.CSRF_FIELD, form.token()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("code", code).formParam("next", "/review");
        if (secret != null) {
            request = request.formParam("secret", secret).formParam("signature", signature);
        }
        return request.post("/login/second-factor");
    }

    @Test
    void aPasswordAloneOpensNothingUntilTheEnrolledCodeIsGivenAndThenANewSessionStarts() {
        String name = approver();
        form = SignIn.loginForm();
        Response password = SignIn.post(form, name, PASSWORD);
        assertThat(password.statusCode()).isEqualTo(303);
        assertThat(password.header("Location")).contains("/login/second-factor");
        String pending = password.getCookie(SignIn.COOKIE);
        given().cookie(SignIn.COOKIE, pending).get("/api/cables?size=1").then().statusCode(401);
        given().cookie(SignIn.COOKIE, pending).redirects().follow(false).get("/cables").then().statusCode(302);

        String page = given().cookie(SignIn.COOKIE, pending).cookie(SignIn.CSRF_COOKIE, form.cookie()).get("/login/second-factor").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Scan this code").contains("data:image/png;base64,");
        String secret = field(page, "secret");
        String signature = field(page, "signature");

        assertThat(give(pending, "000000".equals(code(secret, 0)) ? "111111" : "000000", secret, signature)
                .statusCode()).isEqualTo(401);
        Response done = give(pending, code(secret, 0), secret, signature);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/review");
        String session = done.getCookie(SignIn.COOKIE);
        assertThat(session).isNotEqualTo(pending);
        given().cookie(SignIn.COOKIE, session).get("/api/cables?size=1").then().statusCode(200);
        given().cookie(SignIn.COOKIE, pending).get("/api/cables?size=1").then().statusCode(401);
        assertThat(QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).totpSecret))
                .isEqualTo(secret);
    }

    @Test
    void anEnrolledAccountIsAskedForItsCodeAndACodeWorksOnlyOnce() {
        String name = approver();
        String secret = Totp.newSecret();
        QuarkusTransaction.requiringNew().run(() -> User.findByUsername(name).totpSecret = secret);

        String pending = signIn(name, PASSWORD);
        String page = given().cookie(SignIn.COOKIE, pending).cookie(SignIn.CSRF_COOKIE, form.cookie()).get("/login/second-factor").asString();
        assertThat(page).doesNotContain("Scan this code").doesNotContain(secret);
        assertThat(give(pending, code(secret, 0), null, null).statusCode()).isEqualTo(303);

        String again = signIn(name, PASSWORD);
        assertThat(give(again, code(secret, 0), null, null).statusCode()).as("the same code again").isEqualTo(401);
        assertThat(give(again, code(secret, 1), null, null).statusCode()).as("the next step's code").isEqualTo(303);
    }

    @Test
    void anEnrolmentFormWithASwappedSecretIsRefusedAndEnrolsNothing() {
        String name = approver();
        String pending = signIn(name, PASSWORD);
        String page = given().cookie(SignIn.COOKIE, pending).cookie(SignIn.CSRF_COOKIE, form.cookie()).get("/login/second-factor").asString();
        String signature = field(page, "signature");
        String mine = Totp.newSecret();
        assertThat(give(pending, code(mine, 0), mine, signature).statusCode()).isEqualTo(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).totpSecret)).isNull();
    }

    @Test
    void accountsOfRolesWithoutTheRequirementSignInWithThePasswordAlone() {
        String name = "reviewer-" + Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> User.add(name, PASSWORD, Set.of(Roles.REVIEWER),
                ClassificationLevel.SECRET, true));
        Response r = SignIn.post(name, PASSWORD);
        assertThat(r.header("Location")).endsWith("/review?queue=unassigned");
    }

    @Test
    void anAccountThatNeedsASecondFactorCannotUseHttpBasicWithItsPasswordAlone() {
        String name = approver();
        given().auth().preemptive().basic(name, PASSWORD).get("/api/cables?size=1").then().statusCode(401);
        String reviewer = "reviewer-" + Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> User.add(reviewer, PASSWORD, Set.of(Roles.REVIEWER),
                ClassificationLevel.SECRET, true));
        given().auth().preemptive().basic(reviewer, PASSWORD).get("/api/cables?size=1").then().statusCode(200);
    }

    private static String code(String secret, int stepsAhead) {
        return Totp.code(secret, Totp.step(Clock.systemUTC()) + stepsAhead);
    }
}
