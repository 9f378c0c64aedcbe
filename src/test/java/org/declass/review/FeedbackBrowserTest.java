package org.declass.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.declass.testdata.CableFixtures;
import org.declass.web.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, part 3, in a browser: the message after an action (shown once), the confirmation dialog of a weighty
 * action (cancel does nothing, confirm acts), and a refused form that keeps the reason the user typed.
 */
@QuarkusTest
class FeedbackBrowserTest extends BrowserTest {

    static long confidential(String serial) {
        return ReviewApi.ingest(CableFixtures.confidentialCable(serial, "MK-FB-BROWSER-" + serial));
    }

    @Test
    void aClaimIsConfirmedByAMessageThatAReloadDoesNotRepeat() {
        long id = confidential("9401");
        String reference = ReviewApi.cable("admin", id).getString("reference");
        Page page = browser.signIn(root, "reviewer");
        page.navigate(root + "review/" + id);
        page.click("#claim");
        page.waitForURL("**/review/" + id);
        assertThat(page.locator("#flash-message[role=status]")).hasText("You claimed " + reference
                + "; it is yours to review.");
        page.reload();
        assertThat(page.locator("#flash-message")).hasCount(0);
        page.context().close();
    }

    @Test
    void theApproveDialogDoesNothingOnCancelAndApprovesOnConfirm() {
        long id = confidential("9402");
        ReviewApi.act("reviewer", id, "claim").then().statusCode(200);
        ReviewApi.act("reviewer", id, "submit").then().statusCode(200);
        Page page = browser.signIn(root, "approver");
        page.navigate(root + "review/" + id + "/approve");

        page.click("#approve");
        assertThat(page.locator("#confirm-dialog")).isVisible();
        assertThat(page.locator("#confirm-dialog-text")).containsText("as release authority?");
        page.click("#confirm-dialog-cancel");
        assertThat(page.locator("#confirm-dialog")).isHidden();
        assertThat(page).hasURL(root + "review/" + id + "/approve");
        assertThat(ReviewApi.cable("admin", id).getString("state")).isEqualTo("SUBMITTED");

        page.click("#approve");
        page.click("#confirm-dialog-yes");
        page.waitForURL("**/review?queue=awaiting");
        assertThat(ReviewApi.cable("admin", id).getString("state")).isEqualTo("APPROVED");
        assertThat(page.locator("#flash-message")).containsText("approved");
        page.context().close();
    }

    @Test
    void aMarkThatWouldRaiseTheBannerAsksAndOneThatDoesNotIsTakenAtOnce() {
        long id = confidential("9403");
        ReviewApi.act("reviewer", id, "claim").then().statusCode(200);
        Page page = browser.signIn(root, "reviewer");
        page.navigate(root + "review/" + id);
        page.selectOption("#para-2 .mark-form select[name=level]", "S");
        page.fill("#para-2 .mark-form input[name=reason]", "names a source");
        page.click("#para-2 .mark-form button");
        assertThat(page.locator("#confirm-dialog-text")).containsText("raises the banner above CONFIDENTIAL");
        page.click("#confirm-dialog-yes");
        page.waitForLoadState();
        assertThat(page.locator("#flash-message")).containsText("banner raised CONFIDENTIAL → SECRET");
        assertThat(ReviewApi.cable("admin", id).getString("banner")).isEqualTo("SECRET");
        page.context().close();
    }

    @Test
    void aStaleTabIsToldTheCableChangedAndKeepsTheTypedReason() {
        long id = confidential("9404");
        ReviewApi.act("reviewer", id, "claim").then().statusCode(200);
        Page page = browser.signIn(root, "reviewer");
        page.navigate(root + "review/" + id);
        page.fill("#para-1 .mark-form input[name=reason]", "the reason I typed");
        // meanwhile, in another tab
        ReviewApi.dispose("reviewer", id, "3", "RELEASE", List.of()).then().statusCode(200);
        page.click("#para-1 .mark-form button");
        page.waitForLoadState();
        assertThat(page.locator("#form-problem")).containsText("This cable changed since you opened it");
        assertThat(page.locator("#reload")).hasAttribute("href", "/review/" + id);
        assertThat(page.locator("#para-1 .mark-form input[name=reason]")).hasValue("the reason I typed");
        assertThat(page.locator("#mark-error-1")).isVisible();
        page.context().close();
    }
}
