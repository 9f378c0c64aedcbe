package org.declass.bulk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.declass.web.BrowserTest;
import org.junit.jupiter.api.Test;

/** A reviewer selects a name, presses "Redact all", previews every occurrence and accepts them. */
@QuarkusTest
class BulkRedactionBrowserTest extends BrowserTest {

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
    void aReviewerSelectsANameRedactsAllPreviewsAndAccepts() {
        long id = BulkRedactionApiTest.ingest(BulkRedactionApiTest.cableNamingASource("5681", "BULKBR5681"));
        Page page = browser.signIn(root, "reviewer");
        page.navigate(root + "review/" + id);
        page.click("#claim");
        assertThat(page.locator("#state")).hasText("In review");

        select(page, "2", "MYKOLA HRYTSAK");
        page.click("#redact-all-selection");
        page.waitForURL("**/redact-all?**");

        assertThat(page.locator("#occurrence-count")).hasText("2");
        assertThat(page.locator("#occurrences tbody tr")).hasCount(2);
        assertThat(page.locator("#occurrences input[name=accept]:checked")).hasCount(2);
        assertThat(page.locator("#occurrences tbody tr").nth(1)).containsText("3");
        page.fill("#bulk-codes", "(b)(6)");
        page.fill("#bulk-note", "names a source");
        page.click("#bulk-accept");
        page.waitForURL("**/redact-all");

        assertThat(page.locator("#bulk-summary")).containsText("2 redacted, 0 skipped");
        assertThat(page.locator("#outcomes tr.outcome-done")).hasCount(1);
        JsonPath cable = BulkRedactionApiTest.cable("reviewer", id);
        assertThat(cable.getList("redactions.address")).containsExactly("2", "3");
        assertThat(cable.getList("redactions.codes.flatten()")).containsOnly("(b)(6)");

        page.click("#back-to-review");
        page.waitForURL("**/review/" + id);
        assertThat(page.locator("#para-2 mark.proposed")).hasText("MYKOLA HRYTSAK");
        assertThat(page.locator("#para-3 mark.proposed")).hasCount(1);
    }
}
