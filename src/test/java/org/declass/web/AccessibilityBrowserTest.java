package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page passes axe-core and fits a phone: signed in as each role (and not signed in), the test visits every page
 * of this site it can reach from the landing page and the cable list (one page per shape: /cables/1 and /cables/2 count
 * once), injects axe-core (the npm package of src/test/axe, installed by {@code npm ci} there; CI does) and runs it.
 * It fails on any serious or critical violation, and on any page wider than a 390 px viewport.
 */
@QuarkusTest
class AccessibilityBrowserTest extends BrowserTest {

    static final Path AXE = Paths.get(System.getProperty("declass.axe", "src/test/axe/node_modules/axe-core/axe.min.js"));
    static final int MAX_PAGES = 30;

    static String axeSource;

    @BeforeAll
    static void readAxe() throws IOException {
        if (!Files.isReadable(AXE)) {
            String message = "SKIPPED accessibility test: axe-core not found at " + AXE
                    + " (install it with: (cd src/test/axe && npm ci); CI does)";
            System.out.println(message);
            Assumptions.abort(message);
        }
        axeSource = Files.readString(AXE);
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"reviewer", "approver", "auditor", "admin", "anonymous"})
    void everyReachablePageHasNoSeriousAxeViolationAndFitsA390PixelScreen(String user) {
        Page page = "anonymous".equals(user) ? browser.newPage() : browser.signIn(root, user);
        // an init script, not a script tag: the Content-Security-Policy rightly refuses inline scripts
        page.context().addInitScript(axeSource);
        List<String> problems = new ArrayList<>();
        Set<String> visited = visit(page, problems);
        assertThat(visited).as("pages checked as %s", user).hasSizeGreaterThan("anonymous".equals(user) ? 2 : 8);
        assertThat(problems).as("accessibility and layout problems as %s", user).isEmpty();
        page.context().close();
    }

    private Set<String> visit(Page page, List<String> problems) {
        URI base = URI.create(root.toString());
        String home = base.resolve("/").toString();
        Deque<String> queue = new ArrayDeque<>(List.of(home, base.resolve("/cables").toString()));
        Set<String> shapes = new LinkedHashSet<>();
        Set<String> visited = new LinkedHashSet<>();
        while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
            String url = queue.poll();
            if (!shapes.add(shape(url))) {
                continue;
            }
            APIResponse r = page.context().request().get(url);
            if (r.status() != 200 || !r.headers().getOrDefault("content-type", "").startsWith("text/html")) {
                continue;
            }
            page.setViewportSize(1280, 900);
            page.navigate(url);
            visited.add(url);
            problems.addAll(axeViolations(page, url));
            page.setViewportSize(390, 844);
            Number scroll = (Number) page.evaluate("() => document.documentElement.scrollWidth");
            Number client = (Number) page.evaluate("() => document.documentElement.clientWidth");
            if (scroll.intValue() > client.intValue()) {
                Object widest = page.evaluate("""
                        () => [...document.querySelectorAll('body *')]
                          .filter(e => !(e.parentElement.closest('*') && [...(function* up(n) { for (let p = n.parentElement; p; p = p.parentElement) yield p; })(e)]
                                           .some(p => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX))))
                          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                                    && ![...e.children].some(c => c.getBoundingClientRect().right
                                                                  > document.documentElement.clientWidth + 1))
                          .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                                     + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''))""");
                problems.add(url + ": at 390 px the page is " + scroll + " px wide (scrolls sideways), past the edge: "
                        + widest);
            }
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) page.evalOnSelectorAll("a[href]", "els => els.map(e => e.href)");
            for (String link : links) {
                String target = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                if (target.startsWith(home) && !target.contains("/logout") && !target.contains("/api/")
                        && !target.contains("/q/")) {
                    queue.add(target);
                }
            }
        }
        return visited;
    }

    /** One page per shape: numbers and queries left out, but each review queue (a tab) counts. */
    static String shape(String url) {
        URI u = URI.create(url);
        String queue = u.getQuery() == null ? "" : java.util.Arrays.stream(u.getQuery().split("&"))
                .filter(p -> p.startsWith("queue=")).findFirst().orElse("");
        return u.getPath().replaceAll("\\d+", "N") + queue;
    }

    /** axe-core's serious and critical violations on the page, one line each (rule, impact, the first elements). */
    @SuppressWarnings("unchecked")
    private static List<String> axeViolations(Page page, String url) {
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const r = await axe.run(document, { resultTypes: ['violations'] });
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 targets: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary) }));
                }""");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            lines.add(url + ": " + v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") at " + v.get("targets"));
        }
        return lines;
    }
}
