package org.declass.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import io.quarkus.test.junit.QuarkusTest;
import org.declass.testdata.CableFixtures;
import org.declass.web.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's attack in a real browser: a page on another port of the same host (same site: the SameSite=Strict
 * session cookie goes along) posts the approve form of a signed-in approver. And the other side: our own pages
 * served with {@code Referrer-Policy: no-referrer}, whose form posts Chromium sends with {@code Origin: null}.
 */
@QuarkusTest
class CrossSiteBrowserTest extends BrowserTest {

    static long submitted(String serial) {
        long id = ReviewApi.ingest(CableFixtures.secretCableForReview(serial, "MK-XSB-U" + serial,
                "MK-XSB-S" + serial));
        ReviewApi.act("reviewer", id, "claim").then().statusCode(200);
        ReviewApi.act("reviewer", id, "submit").then().statusCode(200);
        return id;
    }

    @Test
    void aPageOnAnotherPortCannotMakeTheApproversBrowserApprove() {
        long id = submitted("7901");
        long version = ReviewApi.version(id);
        Page page = browser.signIn(root, "approver");
        String evil = "http://localhost:" + (root.getPort() + 1) + "/prize.html";
        // the other port's page, served by the browser's router in place of a real server
        page.route(evil, route -> route.fulfill(new Route.FulfillOptions().setContentType("text/html").setBody(
                "<form id=f method=post action=\"" + root + "review/" + id + "/approve\">"
                        + "<input type=hidden name=version value=" + version + "></form>"
                        + "<script>document.getElementById('f').submit()</script>")));
        Response answer = page.waitForResponse(r -> r.url().endsWith("/review/" + id + "/approve"),
                () -> page.navigate(evil));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(ReviewApi.cable("admin", id).getString("state")).isEqualTo("SUBMITTED");
        assertThat(ReviewApi.version(id)).isEqualTo(version);
    }

    @Test
    void underReferrerPolicyNoReferrerOurOwnFormsStillWork() {
        long id = submitted("7902");
        Page page = browser.newPage();
        // every page of ours as the security headers will serve it
        page.route(root + "**", route -> {
            if (!"GET".equals(route.request().method())) {
                route.resume(); // the form posts go out as the browser made them
                return;
            }
            com.microsoft.playwright.APIResponse fetched = route.fetch();
            Map<String, String> headers = new HashMap<>(fetched.headers());
            headers.put("referrer-policy", "no-referrer");
            route.fulfill(new Route.FulfillOptions().setResponse(fetched).setHeaders(headers));
        });
        Map<String, String> seen = new HashMap<>();
        page.onRequest(r -> {
            if ("POST".equals(r.method())) {
                seen.put(r.url(), String.valueOf(r.allHeaders().get("origin")));
            }
        });
        page.navigate(root + "login");
        page.fill("#username", "approver");
        page.fill("#password", "demo");
        page.click("button[type=submit]");
        page.waitForURL("**/review?queue=awaiting**");
        page.navigate(root + "review/" + id + "/approve");
        page.click("#approve");
        page.waitForURL("**/review?queue=awaiting**");
        assertThat(seen.get(root + "login")).as("the Origin Chromium sent").isEqualTo("null");
        assertThat(ReviewApi.cable("admin", id).getString("state")).isEqualTo("APPROVED");
    }
}
