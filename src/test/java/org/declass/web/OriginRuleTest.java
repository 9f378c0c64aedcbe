package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The origin rule of {@link CrossSiteRequests}, without a server. */
class OriginRuleTest {

    static final String OWN = "http://localhost:8080";

    static boolean refused(String origin, String fetchSite, String referer) {
        return CrossSiteRequests.originRefusal(OWN, origin, fetchSite, referer) != null;
    }

    @Test
    void anOriginPassesOnlyWhenSchemeHostAndPortAreThisServers() {
        assertThat(refused("http://localhost:8080", null, null)).isFalse();
        assertThat(refused("HTTP://LocalHost:8080", null, null)).isFalse();
        assertThat(refused("http://localhost:8081", null, null)).as("another port").isTrue();
        assertThat(refused("https://localhost:8080", null, null)).as("another scheme").isTrue();
        assertThat(refused("http://127.0.0.1:8080", null, null)).as("another host name").isTrue();
        assertThat(refused("http://localhost:8080.evil.example", null, null)).isTrue();
        assertThat(refused("http://localhost", null, null)).as("port 80 is another port").isTrue();
        assertThat(refused("not an origin", null, null)).isTrue();
        assertThat(refused("", null, null)).isTrue();
    }

    @Test
    void theDefaultPortIsTheSameOriginWrittenOrNot() {
        assertThat(CrossSiteRequests.originRefusal("https://declass.example", "https://declass.example:443", null,
                null)).isNull();
        assertThat(CrossSiteRequests.originRefusal(CrossSiteRequests.origin("https", "declass.example", 443),
                "https://declass.example", null, null)).isNull();
        assertThat(CrossSiteRequests.origin("http", "Declass.Example", 80)).isEqualTo("http://declass.example");
        assertThat(CrossSiteRequests.origin("http", "declass.example", 8443))
                .isEqualTo("http://declass.example:8443");
    }

    @Test
    void originNullPassesOnlyWithSecFetchSiteSameOrigin() {
        assertThat(refused("null", null, null)).isTrue();
        assertThat(refused("null", "cross-site", null)).isTrue();
        assertThat(refused("null", "same-site", null)).isTrue();
        assertThat(refused("null", "none", null)).isTrue();
        assertThat(refused("null", null, OWN + "/review/1")).as("a Referer does not vouch for it").isTrue();
        assertThat(refused("null", "same-origin", null)).isFalse();
    }

    @Test
    void withoutAnOriginFetchMetadataDecidesAndElseTheReferer() {
        assertThat(refused(null, "cross-site", null)).isTrue();
        assertThat(refused(null, "same-site", null)).as("another port of this host is same-site").isTrue();
        assertThat(refused(null, "same-origin", null)).isFalse();
        assertThat(refused(null, "none", null)).isFalse();
        assertThat(refused(null, null, "http://localhost:8081/page")).isTrue();
        assertThat(refused(null, null, "::: not a url")).isTrue();
        assertThat(refused(null, null, OWN + "/review/1?x=y")).isFalse();
    }

    @Test
    void aRequestThatNamesNoOriginAtAllPasses() {
        assertThat(refused(null, null, null)).isFalse();
    }

    @Test
    void theRefusalSaysWhereTheRequestCameFrom() {
        assertThat(CrossSiteRequests.originRefusal(OWN, "http://localhost:9999", null, null))
                .contains("another site").contains("http://localhost:9999").contains(OWN)
                .contains("nothing was changed");
    }
}
