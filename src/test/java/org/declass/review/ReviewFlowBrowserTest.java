package org.declass.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;

import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Roles;
import org.declass.security.User;
import org.declass.testdata.CableFixtures;
import org.declass.web.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The reviewer's flow in a real browser (issue 19, part 4): signing in lands on their queue, the cable page's main
 * action claims the cable and opens the review screen, and the screen counts the paragraphs decided.
 */
@QuarkusTest
class ReviewFlowBrowserTest extends BrowserTest {

    @Test
    void aReviewerLandsOnTheirQueueClaimsACableThroughItsMainActionAndSeesTheProgress() {
        String name = "flow-" + Long.toString(System.nanoTime(), 36);
        QuarkusTransaction.requiringNew().run(() -> User.add(name, "demo", Set.of(Roles.REVIEWER),
                ClassificationLevel.SECRET, true));
        long id = ReviewApi.ingest(CableFixtures.secretCableForReview("8601", "MK-FLOW-B-PLAIN", "MK-FLOW-B-S"));

        Page page = browser.newPage();
        page.navigate(root + "login");
        page.fill("#username", name);
        page.fill("#password", "demo");
        page.click("form[action='/login'] button[type=submit]");
        page.waitForURL("**/review?queue=unassigned"); // nothing of their own yet
        assertThat(page.locator("#queue-unassigned")).hasClass(java.util.regex.Pattern.compile("active"));

        page.navigate(root + "cables/" + id);
        assertThat(page.locator("#main-action")).hasText("Claim for review");
        page.click("#main-action");
        page.waitForURL("**/review/" + id);
        assertThat(page.locator("#state")).hasText("In review");
        assertThat(page.locator("#progress")).containsText("0 of 3 paragraphs decided");
        assertThat(page.locator("#progress-meter")).hasAttribute("value", "0");

        page.click("#para-1 .disp-form button");
        page.waitForURL("**/review/" + id + "#para-1");
        assertThat(page.locator("#progress")).containsText("1 of 3 paragraphs decided");

        // signing in again, the reviewer now lands on their own cables, this one among them
        page.navigate(root + "login");
        page.context().clearCookies();
        page.navigate(root + "login");
        page.fill("#username", name);
        page.fill("#password", "demo");
        page.click("form[action='/login'] button[type=submit]");
        page.waitForURL("**/review?queue=mine");
        page.click("a[href='/review/" + id + "']");
        assertThat(page.locator("#progress")).containsText("1 of 3 paragraphs decided");
    }
}
