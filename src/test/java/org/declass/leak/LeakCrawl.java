package org.declass.leak;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The leak crawl (issue 6, BRIEF 15 #1-#8): fetches every page and endpoint that can show cable text, as anonymous
 * and as each demo account, and checks every seeded marker against who may see it in that output. PDFs are
 * inflated object by object and their text extracted; JSON, text and HTML are searched as sent. A rendering of the
 * seeded cable must show its released anchor words, so the crawl cannot pass by fetching empty pages.
 *
 * <p><b>Every new endpoint that outputs cable text, search results or errors about cables goes into
 * {@link #endpoints}</b>; the crawl then checks it for every marker and every principal.
 */
public final class LeakCrawl {

    /** Who is asking: {@code null} is an anonymous visitor; the others are demo accounts, password "demo". */
    public static final List<String> PRINCIPALS = Arrays.asList(null, "reviewer2", "auditor2", "reviewer", "approver",
            "auditor", "admin");

    public enum Kind { HTML, TEXT, PDF, JSON }

    /**
     * What an output may show. RELEASED: public material only (reading room, released versions, the public
     * audience of a released cable). OWN: what the asking reader may read (their cleared or reviewer view, a
     * preview, the original). NOTHING: no withheld text at all (searches, lists, audit, errors).
     */
    public enum Shows { RELEASED, OWN, NOTHING }

    /**
     * @param renders true when a 200 answer is a rendering of the seeded released cable: its anchors must appear
     */
    public record Endpoint(String path, Kind kind, Shows shows, boolean renders) {
    }

    /** A seeded string and who may see it in an output that shows what {@link Shows} says. */
    public record Marker(String text, BiPredicate<String, Shows> allowed) {
        public static Marker never(String text) {
            return new Marker(text, (user, shows) -> false);
        }
    }

    /**
     * @param released   a released cable carrying the markers in withheld places and the anchors in released ones
     * @param unreleased a cable that is not released
     * @param anchors    released words of {@code released}, visible to everyone who gets a rendering of it
     */
    public record Seed(long released, long unreleased, List<Marker> markers, List<String> anchors) {
    }

    /** One answer fetched. */
    public record Fetch(String user, Endpoint endpoint, String path, int status, String text) {
        public String who() {
            return user == null ? "anonymous" : user;
        }
    }

    private LeakCrawl() {
    }

    /**
     * THE list of outputs: every page and endpoint that renders a cable, lists or searches cables, or answers an
     * error about one. {released}, {unreleased} and {marker} are filled in from the seed (searches run once per
     * marker).
     */
    public static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>();
        // the public reading room and its API
        e.add(new Endpoint("/api/releases?size=100", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/api/releases?q={marker}", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/api/releases/{released}", Kind.JSON, Shows.RELEASED, true));
        e.add(new Endpoint("/api/releases/{released}.txt", Kind.TEXT, Shows.RELEASED, true));
        e.add(new Endpoint("/api/releases/{released}.pdf", Kind.PDF, Shows.RELEASED, true));
        e.add(new Endpoint("/reading-room", Kind.HTML, Shows.NOTHING, false));
        e.add(new Endpoint("/reading-room?q={marker}", Kind.HTML, Shows.NOTHING, false));
        e.add(new Endpoint("/reading-room/{released}", Kind.HTML, Shows.RELEASED, true));
        // error answers for ids that are unreleased, unknown or malformed
        e.add(new Endpoint("/api/releases/{unreleased}", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/api/releases/{unreleased}.pdf", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/reading-room/{unreleased}", Kind.HTML, Shows.NOTHING, false));
        e.add(new Endpoint("/api/releases/999999999.txt", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/reading-room/not-an-id", Kind.HTML, Shows.NOTHING, false));
        e.add(new Endpoint("/api/cables/999999999/view?format=pdf", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/api/cables/{released}/view?audience=everyone", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/api/cables/{released}/view?format=docx", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/cables/999999999", Kind.HTML, Shows.NOTHING, false));
        // a signed-in reader's views of the released cable, every audience and format
        for (String audience : List.of("public", "cleared", "reviewer", "")) {
            for (String format : List.of("html", "txt", "pdf", "json")) {
                Kind kind = switch (format) {
                    case "txt" -> Kind.TEXT;
                    case "pdf" -> Kind.PDF;
                    case "json" -> Kind.JSON;
                    default -> Kind.HTML;
                };
                String query = "?format=" + format + (audience.isEmpty() ? "" : "&audience=" + audience);
                Shows shows = audience.equals("public") ? Shows.RELEASED : Shows.OWN;
                e.add(new Endpoint("/api/cables/{released}/view" + query, kind, shows, true));
                if (format.equals("pdf") || format.equals("html")) {
                    e.add(new Endpoint("/cables/{released}/view" + query, kind, shows, true));
                }
            }
        }
        // the public preview of the unreleased cable (signed-in, cleared for the whole cable)
        e.add(new Endpoint("/api/cables/{unreleased}/view?audience=public&format=txt", Kind.TEXT, Shows.OWN, false));
        e.add(new Endpoint("/api/cables/{unreleased}/view?audience=public&format=pdf", Kind.PDF, Shows.OWN, false));
        // the cable API and pages
        e.add(new Endpoint("/api/cables/{released}", Kind.JSON, Shows.OWN, true));
        e.add(new Endpoint("/api/cables/{released}/original", Kind.TEXT, Shows.OWN, true));
        // the staff search shows snippets of the paragraphs the reader may read (issue 18): what their own view shows
        e.add(new Endpoint("/api/cables?q={marker}", Kind.JSON, Shows.OWN, false));
        e.add(new Endpoint("/api/cables?size=200", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/cables/{released}", Kind.HTML, Shows.OWN, true));
        e.add(new Endpoint("/cables?q={marker}", Kind.HTML, Shows.OWN, false));
        // review and approver screens (the approver's preview is the public document)
        e.add(new Endpoint("/review/{released}", Kind.HTML, Shows.OWN, true));
        e.add(new Endpoint("/review/{released}/approve", Kind.HTML, Shows.OWN, true));
        e.add(new Endpoint("/review?queue=awaiting", Kind.HTML, Shows.NOTHING, false));
        // audit: never quotes cable text (notes are the reviewers' own words)
        e.add(new Endpoint("/api/audit?cable={released}&size=200", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/api/audit/cables/{released}/redactions", Kind.JSON, Shows.NOTHING, false));
        e.add(new Endpoint("/api/audit/export.csv", Kind.TEXT, Shows.NOTHING, false));
        e.add(new Endpoint("/api/audit/export.jsonl", Kind.TEXT, Shows.NOTHING, false));
        e.add(new Endpoint("/audit?cable={released}", Kind.HTML, Shows.NOTHING, false));
        e.add(new Endpoint("/api/findings/report", Kind.JSON, Shows.NOTHING, false));
        return e;
    }

    /** Fetches every endpoint as every principal. */
    public static List<Fetch> crawl(Seed seed) {
        List<Fetch> out = new ArrayList<>();
        for (String user : PRINCIPALS) {
            for (Endpoint e : endpoints()) {
                for (String[] target : expand(e.path(), seed)) {
                    Response r = request(user, e.kind()).get(target[0]);
                    out.add(new Fetch(user, e, target[0], r.statusCode(), withoutEcho(text(e.kind(), r), target[1])));
                }
            }
        }
        return out;
    }

    /** Every problem the crawl found: a marker where it may not be, a rendering without its anchors, a 5xx. */
    public static List<String> problems(Seed seed, List<Fetch> fetches) {
        List<String> problems = new ArrayList<>();
        for (Fetch f : fetches) {
            String where = f.who() + " GET " + f.path() + " -> " + f.status();
            if (f.status() >= 500) {
                problems.add(where + ": server error");
                continue;
            }
            for (Marker m : seed.markers()) {
                boolean may = f.user() != null && f.status() == 200 && m.allowed().test(f.user(), f.endpoint().shows());
                if (!may && f.text().contains(m.text())) {
                    problems.add(where + ": shows " + m.text());
                }
            }
            if (f.status() == 200 && f.endpoint().renders()) {
                for (String anchor : seed.anchors()) {
                    if (!f.text().contains(anchor)) {
                        problems.add(where + ": a rendering of the cable without its released text " + anchor);
                    }
                }
            }
        }
        return problems;
    }

    /** The paths to fetch, each with the marker searched for (or null). */
    private static List<String[]> expand(String path, Seed seed) {
        String p = path.replace("{released}", String.valueOf(seed.released()))
                .replace("{unreleased}", String.valueOf(seed.unreleased()));
        if (!p.contains("{marker}")) {
            return List.<String[]>of(new String[] {p, null});
        }
        List<String[]> out = new ArrayList<>();
        for (Marker m : seed.markers()) {
            out.add(new String[] {p.replace("{marker}", m.text()), m.text()});
        }
        return out;
    }

    /** A search page repeats the words searched for in its form and paging links; that echo is not a leak. */
    private static String withoutEcho(String text, String searched) {
        if (searched == null) {
            return text;
        }
        return text.replace("value=\"" + searched + "\"", "value=\"\"").replace("q=" + searched, "q=")
                .replace("\"q\":\"" + searched + "\"", "\"q\":\"\"");
    }

    private static RequestSpecification request(String user, Kind kind) {
        RequestSpecification r = given().redirects().follow(false);
        if (user != null) {
            r = r.auth().preemptive().basic(user, "demo");
        }
        return kind == Kind.HTML ? r.accept("text/html") : r.accept("*/*");
    }

    private static String text(Kind kind, Response r) {
        byte[] body = r.asByteArray();
        if (kind == Kind.PDF && r.statusCode() == 200) {
            return PdfInspection.of(body).everything();
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
