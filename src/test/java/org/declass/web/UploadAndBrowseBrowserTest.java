package org.declass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/** A person signs in, uploads a cable, and reads it paragraph by paragraph with its portion marks. */
@QuarkusTest
class UploadAndBrowseBrowserTest extends BrowserTest {

    private Page signIn(String user) {
        return browser.signIn(root, user);
    }

    @Test
    void aReviewerSignsInUploadsACableAndOpensIt() throws Exception {
        Page page = signIn("reviewer");
        page.navigate(root + "cables");
        assertThat(page.locator("h1")).containsText("Cables");

        Path file = Files.createTempFile("cable-", ".txt");
        Files.writeString(file, CableFixtures.confidentialCable("4401", "MARKER-BROWSER-4401"));
        page.navigate(root + "upload");
        page.setInputFiles("#file", file);
        page.click("#upload-submit");
        page.waitForURL("**/cables/*");

        assertThat(page.locator("h1")).hasText("09MONTEVIDEO4401");
        assertThat(page.locator(".banner")).hasText("CONFIDENTIAL");
        assertThat(page.locator("#p1 .mark")).hasText("(C)");
        assertThat(page.locator("#p1 .text")).containsText("MARKER-BROWSER-4401");
        assertThat(page.locator("#p2 .mark")).hasText("(U)");

        page.navigate(root + "cables?q=09MONTEVIDEO4401");
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
        page.click("text=09MONTEVIDEO4401");
        assertThat(page.locator("h1")).hasText("09MONTEVIDEO4401");
    }

    @Test
    void aPastedTextWithNoCableStructureShowsTheReasonOnThePage() {
        Page page = signIn("reviewer");
        page.navigate(root + "upload");
        page.fill("#text", "This is a shopping list: milk, eggs, bread.");
        page.click("#upload-submit");
        assertThat(page.locator("#upload-error")).containsText("not a cable");
    }

    @Test
    void aWrongPasswordKeepsThePersonOnTheLoginPageWithAMessage() {
        Page page = browser.newPage();
        page.navigate(root + "login");
        page.fill("#username", "reviewer");
        page.fill("#password", "not-the-password");
        page.click("button[type=submit]");
        assertThat(page.locator(".alert.error")).containsText("Wrong user name or password");
        assertThat(page.url()).contains("/login");
    }

    @Test
    void aReaderWithoutClearanceSeesPlaceholdersInsteadOfSecretParagraphs() {
        Page admin = signIn("admin");
        admin.navigate(root + "upload");
        admin.fill("#text", CableFixtures.secretNofornCableWithMixedPortions("4402", "MK-U-4402", "MK-C-4402",
                "MK-SNF-4402", "MK-S-4402").replace("NOFORN\nSIPDIS", "SIPDIS"));
        admin.click("#upload-submit");
        admin.waitForURL("**/cables/*");
        String url = admin.url();

        Page reader = signIn("reviewer2");
        reader.navigate(url);
        assertThat(reader.locator("#p2 .text")).containsText("MK-C-4402");
        assertThat(reader.locator("#p3 .withheld")).hasText("[withheld: (S//NF) portion]");
        assertThat(reader.content()).doesNotContain("MK-SNF-4402").doesNotContain("MK-S-4402");
    }
}
