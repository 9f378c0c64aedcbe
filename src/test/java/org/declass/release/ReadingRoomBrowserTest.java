package org.declass.release;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.testdata.CableFixtures;
import org.declass.web.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The reading room as a visitor uses it, without signing in; and the approver's preview, which shows the document
 * the public will receive.
 */
@QuarkusTest
class ReadingRoomBrowserTest extends BrowserTest {

    static final String SOURCE = "MKBROWSESOURCE6301";

    @Inject
    ReleaseService releases;

    @Test
    void anAnonymousVisitorSearchesOpensACableSeesItsFormerMarkingsAndDownloadsTheText() throws Exception {
        long id = ReleaseFlow.ingestAndClaim(CableFixtures.secretCableForReview("6301", "MKBROWSEPLAIN6301", SOURCE),
                "reviewer").redact(2, SOURCE, "25X1").withhold(3, "25X6").submitAndApprove("approver")
                .release(releases).getCableId();

        Page page = browser.newPage();
        page.navigate(root.toString());
        page.click("#nav-reading-room");
        assertThat(page.locator("#result-count")).containsText("released cable");
        page.fill("#q", "mkbrowseplain6301");
        page.click("#reading-room-search button[type=submit]");
        assertThat(page.locator("#result-count")).containsText("1 released cable found");
        page.click("#results a.ref");
        page.waitForURL("**/reading-room/" + id);

        assertThat(page.locator("#declass-stamp")).containsText("DECLASSIFIED");
        assertThat(page.locator("#declass-stamp")).containsText("approver");
        assertThat(page.locator("#doc-banner s")).hasText("SECRET");
        String decoration = (String) page.evaluate(
                "() => getComputedStyle(document.querySelector('#doc-banner s')).textDecorationLine");
        assertThat(decoration).contains("line-through");
        assertThat(page.locator("#para-2 .placeholder")).hasText("[REDACTED 25X1]");
        assertThat(page.locator("#para-3 .placeholder")).hasText("[WITHHELD IN FULL 25X6]");
        assertThat(page.locator("#para-2 s.mark")).hasText("(S)");
        assertThat(page.locator("#redaction-index")).containsText("25X6");
        assertThat(page.content()).doesNotContain(SOURCE);

        Download download = page.waitForDownload(() -> page.click("#download-txt"));
        String text = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("DECLASSIFIED").contains("(formerly SECRET)").contains("[REDACTED 25X1]")
                .doesNotContain(SOURCE);
        page.context().close();
    }

    @Test
    void theApproverPreviewShowsThePublicDocumentBesideTheFullText() {
        String secret = "MKBROWSESOURCE6302";
        long id = ReleaseFlow.ingestAndClaim(CableFixtures.secretCableForReview("6302", "MKBROWSEPLAIN6302", secret),
                "reviewer").redact(2, secret, "25X1").withhold(3, "25X6").id();
        ReleaseFlow.as("reviewer").body(java.util.Map.of("version",
                ReleaseFlow.as("admin").get("/api/cables/" + id).jsonPath().getLong("version")))
                .post("/api/cables/" + id + "/submit").then().statusCode(200);

        Page page = browser.signIn(root, "approver");
        page.navigate(root + "review/" + id + "/approve");
        assertThat(page.locator("#preview #declass-stamp")).containsText("not yet released (preview)");
        assertThat(page.locator("#preview #para-2 .placeholder")).hasText("[REDACTED 25X1]");
        assertThat(page.locator("#preview #para-3 .placeholder")).hasText("[WITHHELD IN FULL 25X6]");
        assertThat(page.locator("#preview")).not().containsText(secret);
        assertThat(page.locator("#full-2")).containsText(secret);
        String preview = ReleaseFlow.as("approver").accept("*/*")
                .get("/api/cables/" + id + "/view?audience=public&format=json").then().statusCode(200)
                .extract().jsonPath().getString("body[1].pieces[1].text");
        assertThat(page.locator("#preview #para-2")).containsText(preview);
        page.context().close();
    }
}
