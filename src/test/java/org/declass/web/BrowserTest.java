package org.declass.web;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test shares: the server's root and one chromium per test class, started before its first test
 * (or the class is skipped with a message when chromium is missing) and closed after its last.
 */
public abstract class BrowserTest {

    @TestHTTPResource("/")
    protected URL root;

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.startOrSkip();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
