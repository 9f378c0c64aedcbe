package org.declass.sso;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.declass.web.Browser;
import org.junit.jupiter.api.Test;

/** A person signs in with Keycloak in a real browser (chromium), and lands on the page asked for, signed in. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
class SingleSignOnBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aPersonSignsInThroughKeycloaksLoginPageAndSeesTheirClearanceInTheHeader() {
        TestKeycloak.requireOrSkip();
        try (Browser browser = Browser.startOrSkip()) {
            Page page = browser.newPage();
            page.navigate(root + "login?next=%2Freview");
            page.click("#sso");
            page.waitForURL(TestKeycloak.url() + "/**");
            page.fill("#username", "sso-approver");
            page.fill("#password", TestKeycloak.PASSWORD);
            page.click("#kc-login");
            page.waitForURL("**/review**");
            assertThat(page.locator(".whoami .user")).hasText("sso-approver");
            assertThat(page.locator(".whoami .clearance")).hasText("SECRET · NOFORN-eligible");
            assertThat(page.locator("#nav-review")).isVisible();
        }
    }
}
