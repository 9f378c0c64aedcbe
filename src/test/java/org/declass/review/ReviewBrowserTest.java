package org.declass.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.testdata.CableFixtures;
import org.declass.web.BrowserTest;
import org.junit.jupiter.api.Test;

/** A reviewer redacts a selected span and submits; an approver approves; whoever redacted cannot approve. */
@QuarkusTest
class ReviewBrowserTest extends BrowserTest {

    private Page signIn(String user) {
        return browser.signIn(root, user);
    }

    /** Selects the first occurrence of {@code text} inside paragraph {@code address}'s text, as a person would. */
    private static void select(Page page, String address, String text) {
        page.evaluate("([address, wanted]) => {"
                + " const box = document.querySelector('.review-text[data-address=\"' + address + '\"]');"
                + " const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);"
                + " let node; while ((node = walker.nextNode())) {"
                + "   const at = node.textContent.indexOf(wanted);"
                + "   if (at >= 0) { const r = document.createRange(); r.setStart(node, at);"
                + "     r.setEnd(node, at + wanted.length); const s = window.getSelection(); s.removeAllRanges();"
                + "     s.addRange(r); return; } }"
                + " throw new Error('text not found'); }", List.of(address, text));
    }

    @Test
    void aReviewerRedactsASelectedSpanAndSubmitsAndAnApproverApproves() {
        String secret = "MK-BROWSER-SOURCE-5401";
        long id = ReviewApi.ingest(CableFixtures.secretCableForReview("5401", "MK-BROWSER-PLAIN", secret));

        Page reviewer = signIn("reviewer");
        reviewer.navigate(root + "review?queue=unassigned");
        assertThat(reviewer.locator("#queue-unassigned .queue-count")).not().hasText("0");
        reviewer.navigate(root + "review/" + id);
        reviewer.click("#claim");
        assertThat(reviewer.locator("#state")).hasText("In review");

        select(reviewer, "2", secret);
        reviewer.keyboard().press("r");
        assertThat(reviewer.locator("#redact-preview")).hasText(secret);
        reviewer.fill("#redact-codes", "50X1");
        assertThat(reviewer.locator("#code-list li[data-code='50X1-HUM']")).isVisible();
        assertThat(reviewer.locator("#code-list li[data-code='(b)(6)']")).isHidden();
        reviewer.click("#code-list li[data-code='50X1-HUM'] button");
        assertThat(reviewer.locator("#redact-codes")).hasValue("50X1-HUM");
        reviewer.fill("#redact-note", "names a source");
        reviewer.click("#redact-save");
        reviewer.waitForURL("**/review/" + id + "**");

        assertThat(reviewer.locator("#para-2 mark.proposed")).hasText(secret);
        JsonPath cable = ReviewApi.cable("reviewer", id);
        String text = cable.getString("paragraphs.find { it.number == 2 }.text");
        assertThat(cable.getInt("redactions[0].start")).isEqualTo(text.indexOf(secret));
        assertThat(cable.getInt("redactions[0].end")).isEqualTo(text.indexOf(secret) + secret.length());
        assertThat(cable.getList("redactions[0].codes", String.class)).containsExactly("50X1-HUM");

        reviewer.onDialog(dialog -> dialog.accept());
        reviewer.evaluate("() => document.activeElement && document.activeElement.blur()");
        reviewer.keyboard().press("j");
        assertThat(reviewer.locator(".review-paragraph.current")).hasCount(1);
        reviewer.keyboard().press("s");
        reviewer.waitForURL("**/review?queue=mine");
        assertThat(ReviewApi.cable("reviewer", id).getString("state")).isEqualTo("SUBMITTED");

        Page approver = signIn("approver");
        approver.navigate(root + "review?queue=awaiting");
        approver.click("a[href='/review/" + id + "/approve']");
        assertThat(approver.locator("#preview")).containsText("[REDACTED 50X1-HUM]");
        assertThat(approver.locator("#preview")).not().containsText(secret);
        assertThat(approver.locator("#full-2 mark.proposed")).hasText(secret);
        approver.click("#approve");
        approver.click("#confirm-dialog-yes");
        approver.waitForURL("**/review?queue=awaiting");
        assertThat(ReviewApi.cable("approver", id).getString("state")).isEqualTo("APPROVED");
        assertThat(ReviewApi.cable("approver", id).getString("workflow.approvedBy")).isEqualTo("approver");
    }

    @Test
    void whoeverRedactedTheCableCannotApproveIt() {
        String secret = "MK-BROWSER-TWO-5402";
        long id = ReviewApi.ingest(CableFixtures.secretCableForReview("5402", "MK-BROWSER-PLAIN2", secret));
        Page admin = signIn("admin");
        admin.navigate(root + "review/" + id);
        admin.click("#claim");
        select(admin, "2", secret);
        admin.click("#redact-selection");
        admin.fill("#redact-codes", "25X1");
        admin.click("#redact-save");
        admin.waitForURL("**/review/" + id + "**");
        admin.click("#submit-form button");
        admin.waitForURL("**/review?queue=mine");

        admin.navigate(root + "review/" + id + "/approve");
        assertThat(admin.locator("#two-person")).containsText("Two-person rule");
        assertThat(admin.locator("#approve")).isDisabled();

        // even a forged post is refused, and the page says why
        admin.evaluate("() => { const b = document.querySelector('#approve'); b.disabled = false; b.click(); }");
        admin.click("#confirm-dialog-yes");
        admin.waitForLoadState();
        assertThat(admin.locator("body")).containsText("two-person rule");
        assertThat(ReviewApi.cable("admin", id).getString("state")).isEqualTo("SUBMITTED");
    }
}
