package org.declass.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.declass.web.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * An administrator creates an account on the users page, the new colleague signs in with it and sees their
 * clearance, and the administrator disables it again: the colleague's open page then sends them to the login form.
 */
@QuarkusTest
class AccountPagesBrowserTest extends BrowserTest {

    @Test
    void anAdministratorCreatesAnAccountThatSignsInAndThenDisablesIt() {
        String name = "colleague-" + Long.toString(System.nanoTime(), 36);
        Page admin = browser.signIn(root, "admin");
        admin.navigate(root + "admin/users");
        admin.fill("#username", name);
        admin.fill("#password", "a long enough passphrase");
        admin.check("input[name=roles][value=REVIEWER]");
        admin.selectOption("#clearance", "CONFIDENTIAL");
        admin.click("#create-submit");
        admin.waitForURL("**/admin/users?done=**");
        assertThat(admin.textContent("main")).contains(name);

        Page colleague = browser.newPage();
        colleague.navigate(root + "login");
        colleague.fill("#username", name);
        colleague.fill("#password", "a long enough passphrase");
        colleague.click("form[action='/login'] button[type=submit]");
        colleague.waitForURL("**/review?queue=unassigned"); // a new reviewer lands on the unassigned cables
        assertThat(colleague.textContent(".whoami")).contains(name).contains("CONFIDENTIAL");

        admin.navigate(root + "admin/users/" + name);
        admin.click("#disable-form button[type=submit]");
        admin.waitForURL("**/admin/users?done=**");

        colleague.navigate(root + "cables");
        assertThat(colleague.url()).contains("/login");
    }
}
