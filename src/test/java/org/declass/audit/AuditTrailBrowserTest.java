package org.declass.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.declass.web.BrowserTest;
import org.junit.jupiter.api.Test;

/** The audit trail page at 1280 px, as an auditor uses it: filtered by a cable's reference, reads shown or not. */
@QuarkusTest
class AuditTrailBrowserTest extends BrowserTest {

    private Page signedInAuditor() {
        Page page = browser.newPage();
        page.navigate(root + "login");
        page.fill("#username", "auditor");
        page.fill("#password", "demo");
        page.click("button[type=submit]");
        page.waitForLoadState();
        return page;
    }

    private static boolean scrollsSideways(Page page) {
        return (Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    @Test
    void anAuditorFiltersByReferenceAndTheTableFitsThePageWithAndWithoutReads() {
        Page page = signedInAuditor();
        page.navigate(root + "audit?reads=on");
        assertThat(page.locator("table.audit")).isVisible();
        assertThat(scrollsSideways(page)).as("the audit page scrolls sideways at 1280 px").isFalse();

        page.fill("input[name=cable]", "01TASHKENT2204");
        page.click("form.filters button[type=submit]");
        page.waitForLoadState();
        assertThat(page.locator("table.audit tbody tr").first()).containsText("01TASHKENT2204");
        assertThat(page.locator("table.audit")).not().containsText("PORTIONS_READ");
        assertThat(scrollsSideways(page)).isFalse();

        page.fill("input[name=cable]", "99NOWHERE77");
        page.click("form.filters button[type=submit]");
        page.waitForLoadState();
        assertThat(page.locator("#cable-filter-error")).containsText("no cable with reference 99NOWHERE77");
        assertThat(page.locator("input[name=cable]")).hasValue("99NOWHERE77");
    }
}
