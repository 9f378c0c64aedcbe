package org.declass.sso;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Keycloak the single sign-on tests run against: deploy/keycloak/start-test-keycloak.sh starts it with the
 * realm of deploy/keycloak/declass-realm.json and prints its URL, which .ci/run exports as
 * {@code DECLASS_TEST_KEYCLOAK_URL}. Unset: the tests skip, saying so. Set but not answering: they fail.
 */
final class TestKeycloak {

    static final String ENV = "DECLASS_TEST_KEYCLOAK_URL";
    /** The realm file's users all have this password; the client's secret is the realm file's test secret. */
    static final String PASSWORD = "sso-test-password";
    static final String CLIENT = "declass";
    static final String SECRET = "declass-test-secret-not-for-production";

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TestKeycloak() {
    }

    /** The realm's URL (the OpenID Connect issuer), or null when the tests are to skip. */
    static String url() {
        String url = System.getenv(ENV);
        return url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
    }

    /** Skips the calling test when no Keycloak is configured; fails it when one is but does not answer. */
    static void requireOrSkip() {
        String url = url();
        if (url == null) {
            String message = "SKIPPED single sign-on test: " + ENV + " is not set (start Keycloak with "
                    + "deploy/keycloak/start-test-keycloak.sh and export the URL it prints; CI does)";
            System.out.println(message);
            Assumptions.abort(message);
        }
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url
                    + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                fail(ENV + "=" + url + " answers " + r.statusCode() + " for its OpenID configuration");
            }
        } catch (IOException e) {
            fail(ENV + "=" + url + " is set but Keycloak does not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** An access token for API calls, by the password grant the test client allows. */
    static String accessToken(String username) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", CLIENT,
                        "client_secret", SECRET, "username", username, "password", PASSWORD, "scope", "openid"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            fail("password grant for " + username + ": " + r.statusCode() + " " + r.body());
        }
        return (String) new ObjectMapper().readValue(r.body(), Map.class).get("access_token");
    }

    /** What a browser ends with after the code flow: the last answer and the cookies it holds per host and port. */
    record Outcome(HttpResponse<String> last, Map<String, Map<String, String>> cookies, List<String> visited,
                   List<String> cookiesEverSet) {

        String cookie(URI at, String name) {
            return cookies.getOrDefault(authority(at), Map.of()).get(name);
        }
    }

    /** The jar's entry listing every cookie name any site ever set (as "host:port name"). */
    private static final String EVER_SET = "*";

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /**
     * Does what a browser does on "Sign in with ...", without a browser: GET {@code start}, follow redirects (to
     * Keycloak's login page), post the login form found there with the user's password, and follow the redirects
     * back to Declass, keeping each site's cookies, until an answer is not a redirect.
     */
    static Outcome signIn(URI start, String username) throws Exception {
        Map<String, Map<String, String>> jar = new HashMap<>();
        List<String> visited = new java.util.ArrayList<>();
        HttpResponse<String> r = get(start, jar, visited);
        boolean posted = false;
        for (int hop = 0; hop < 20; hop++) {
            if (r.statusCode() / 100 == 3) {
                URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
                r = get(next, jar, visited);
                continue;
            }
            Matcher form = FORM_ACTION.matcher(r.body());
            if (r.statusCode() == 200 && !posted && form.find()) {
                URI action = URI.create(form.group(1).replace("&amp;", "&"));
                r = send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password",
                                PASSWORD, "credentialId", "")))), action, jar, visited);
                posted = true;
                continue;
            }
            return new Outcome(r, jar, visited, List.copyOf(jar.getOrDefault(EVER_SET, Map.of()).keySet()));
        }
        throw new AssertionError("too many redirects: " + visited);
    }

    private static HttpResponse<String> get(URI uri, Map<String, Map<String, String>> jar, List<String> visited)
            throws Exception {
        return send(HttpRequest.newBuilder(uri).GET(), uri, jar, visited);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, URI uri,
                                             Map<String, Map<String, String>> jar, List<String> visited)
            throws Exception {
        Map<String, String> cookies = jar.computeIfAbsent(authority(uri), k -> new LinkedHashMap<>());
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            request.header("Cookie", header.toString());
        }
        request.header("Accept", "text/html").timeout(Duration.ofSeconds(30));
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        visited.add(r.statusCode() + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath());
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            jar.computeIfAbsent(EVER_SET, k -> new LinkedHashMap<>()).put(authority(uri) + " " + name, "");
            boolean expired = value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return r;
    }

    static String authority(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
