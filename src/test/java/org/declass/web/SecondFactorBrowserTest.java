package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;

import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Roles;
import org.declass.signin.Totp;
import org.declass.security.User;
import org.junit.jupiter.api.Test;

/**
 * An approver signs in for the first time where approvers need a second factor: after the password the browser shows
 * the QR code and the key, the approver types the code the authenticator shows (computed here from the key on the
 * page), lands on the page they asked for, and the next sign-in asks only for a code.
 */
@QuarkusTest
@TestProfile(SecondFactorTest.ApproversNeedASecondFactor.class)
class SecondFactorBrowserTest extends BrowserTest {

    @Test
    void anApproverEnrolsAnAuthenticatorAndSignsInWithItsCode() {
        String name = "approver-b" + Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> User.add(name, SecondFactorTest.PASSWORD, Set.of(Roles.APPROVER),
                ClassificationLevel.SECRET, true));
        Page page = browser.newPage();
        page.navigate(root + "review");
        page.waitForURL("**/login?next=**");
        page.fill("#username", name);
        page.fill("#password", SecondFactorTest.PASSWORD);
        page.click("form[action='/login'] button[type=submit]");
        page.waitForURL("**/login/second-factor**");
        assertThat(page.isVisible("#totp-qr")).isTrue();
        String secret = page.textContent("#totp-secret").trim();

        page.fill("#code", "12345x");
        assertThat(page.locator("#code").evaluate("e => e.checkValidity()")).isEqualTo(false);
        page.fill("#code", Totp.code(secret, Totp.step(Clock.systemUTC())));
        page.click("form[action='/login/second-factor'] button[type=submit]");
        page.waitForURL("**/review");
        assertThat(page.textContent(".whoami")).contains(name).contains("SECRET");

        page.click(".whoami form[action='/logout'] button");
        page.waitForURL("**/login**");
        page.fill("#username", name);
        page.fill("#password", SecondFactorTest.PASSWORD);
        page.click("form[action='/login'] button[type=submit]");
        page.waitForURL("**/login/second-factor**");
        assertThat(page.isVisible("#totp-qr")).as("enrolled: no new QR code").isFalse();
        page.fill("#code", Totp.code(secret, Totp.step(Clock.systemUTC()) + 1));
        page.click("form[action='/login/second-factor'] button[type=submit]");
        page.waitForURL("**/review?queue=awaiting"); // no page asked for: an approver lands on the approvals
    }
}
