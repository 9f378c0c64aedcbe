package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every link on every page works in a signed-in browser: signed in as each role (and not signed in), the crawl
 * follows every link of this site it can reach from the landing page and the cable list (the Original text, the
 * JSON, the audit exports and the iCalendar feed under /api among them), and none may answer 401 or 5xx. Links
 * that differ only in numbers (one cable or another) or in query values count once, so the crawl stays short.
 */
@QuarkusTest
class EveryLinkBrowserTest extends BrowserTest {

    static final int MAX_LINKS = 150;

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"reviewer", "reviewer2", "approver", "auditor", "auditor2", "admin", "anonymous"})
    void noLinkAnswers401Or5xx(String user) {
        Page page = "anonymous".equals(user) ? browser.newPage() : browser.signIn(root, user);
        Map<String, Integer> answers = crawl(page);
        List<String> broken = new ArrayList<>();
        answers.forEach((url, status) -> {
            if (status == 401 || status >= 500) {
                broken.add(status + " " + url);
            }
        });
        assertThat(answers).as("links followed as %s", user).hasSizeGreaterThan("anonymous".equals(user) ? 3 : 10);
        assertThat(broken).as("links that fail as %s", user).isEmpty();
        if (!"anonymous".equals(user)) {
            assertThat(answers.keySet()).as("the crawl reached the API links").anyMatch(u -> u.contains("/api/"));
        }
    }

    private Map<String, Integer> crawl(Page page) {
        URI base = URI.create(root.toString());
        Deque<String> queue = new ArrayDeque<>(List.of(base.resolve("/").toString(), base.resolve("/cables").toString()));
        Set<String> seen = new TreeSet<>();
        Map<String, Integer> answers = new LinkedHashMap<>();
        while (!queue.isEmpty() && answers.size() < MAX_LINKS) {
            String url = queue.poll();
            if (!seen.add(shape(url))) {
                continue;
            }
            APIResponse r = page.context().request().get(url);
            answers.put(url, r.status());
            String type = r.headers().getOrDefault("content-type", "");
            if (r.status() != 200 || !type.startsWith("text/html")) {
                continue;
            }
            page.navigate(url);
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) page.evalOnSelectorAll("a[href]", "els => els.map(e => e.href)");
            for (String link : links) {
                String target = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                if (target.startsWith(base.resolve("/").toString()) && !target.contains("/logout")) {
                    queue.add(target);
                }
            }
        }
        return answers;
    }

    /** The link's shape: numbers and query values left out. */
    static String shape(String url) {
        URI u = URI.create(url);
        StringBuilder s = new StringBuilder(u.getPath().replaceAll("\\d+", "N"));
        if (u.getQuery() != null) {
            Set<String> names = new TreeSet<>();
            for (String pair : u.getQuery().split("&")) {
                names.add(pair.split("=", 2)[0]);
            }
            s.append('?').append(String.join("&", names));
        }
        return s.toString();
    }
}
