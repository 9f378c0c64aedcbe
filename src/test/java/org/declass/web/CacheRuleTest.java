package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which responses a cache may keep ({@link SecurityHeaders#isPublic}); everything else is no-store. */
class CacheRuleTest {

    @Test
    void staticFilesArePublicForEveryone() {
        for (String path : new String[] {"/css/declass.css", "/js/review.js", "/img/logo.svg", "/favicon.ico"}) {
            assertThat(SecurityHeaders.isPublic(path, true, false)).as(path).isTrue();
        }
    }

    @Test
    void theLandingPageAndTheReadingRoomArePublicOnlyWithoutCredentialsAndWithoutACookieSet() {
        for (String path : new String[] {"/", "/reading-room", "/reading-room/12", "/api/releases",
                "/api/releases/12.pdf"}) {
            assertThat(SecurityHeaders.isPublic(path, false, false)).as(path).isTrue();
            assertThat(SecurityHeaders.isPublic(path, true, false)).as(path + " signed in").isFalse();
            assertThat(SecurityHeaders.isPublic(path, false, true)).as(path + " setting a cookie").isFalse();
        }
    }

    @Test
    void everythingElseIsNoStore() {
        for (String path : new String[] {"/cables", "/cables/1", "/api/cables/1/original", "/api/audit/export.csv",
                "/login", "/reading-roomx", "/api/releasesx", "/q/openapi", "/nothing", "/css"}) {
            assertThat(SecurityHeaders.isPublic(path, false, false)).as(path).isFalse();
        }
        assertThat(SecurityHeaders.isPublic(null, false, false)).isFalse();
    }
}
