package org.declass.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives Debian's chromium through Playwright for Java, never downloading a browser. Where chromium is absent,
 * tests using it are skipped with a message saying so; CI installs it.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getProperty("declass.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setChromiumSandbox(false)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** Starts chromium, or skips the calling test with a message when it is not installed. */
    public static Browser startOrSkip() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "SKIPPED browser test: chromium not found at " + CHROMIUM
                    + " (install it with: apt-get install -y chromium; CI does)";
            System.out.println(message);
            Assumptions.abort(message);
        }
        return new Browser();
    }

    public Page newPage() {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1280, 900));
        return context.newPage();
    }

    /** Signs in through the login form, as a person would, and waits for the page the person lands on. */
    public Page signIn(java.net.URL root, String user) {
        Page page = newPage();
        page.navigate(root + "login");
        page.fill("#username", user);
        page.fill("#password", "demo");
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
