package org.declass.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.release.ReleaseTestSupport.approved;
import static org.declass.release.ReleaseTestSupport.as;
import static org.declass.release.ReleaseTestSupport.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.declass.feedback.Flash;
import org.junit.jupiter.api.Test;

/**
 * The cable page's "Release now" form (issue 19, part 3): nothing is released until the form confirms; the release
 * is confirmed by a message on the cable page; a refusal goes back to the cable page with its reason, not to an
 * error page.
 */
@QuarkusTest
class ReleaseNowFormTest {

    static Response releaseNow(String user, long id, long version, boolean confirm) {
        var r = given().auth().preemptive().basic(user, "demo").redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded").formParam("version", version);
        if (confirm) {
            r.formParam("confirm", "yes");
        }
        return r.post("/release/cables/" + id + "/release-now");
    }

    static String state(long id) {
        return as("admin").get("/api/cables/" + id).then().extract().jsonPath().getString("state");
    }

    static String cablePage(String user, long id, Response previous) {
        return given().auth().preemptive().basic(user, "demo").cookie(Flash.COOKIE, previous.getCookie(Flash.COOKIE))
                .get("/cables/" + id).then().statusCode(200).extract().asString();
    }

    @Test
    void releaseNowAsksFirstAndTheConfirmationReleasesWithAMessage() {
        long id = approved("DECL: 02/09/2019");
        String ask = releaseNow("approver", id, version(id), false).then().statusCode(200).extract().asString();
        assertThat(ask).contains("Release this cable to the public now").contains("name=\"confirm\" value=\"yes\"");
        assertThat(state(id)).isEqualTo("APPROVED");

        Response done = releaseNow("approver", id, version(id), true);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(state(id)).isEqualTo("RELEASED");
        assertThat(cablePage("approver", id, done)).contains("id=\"flash-message\" role=\"status\"")
                .contains("released: the public version is in the reading room.");
    }

    @Test
    void aRefusedReleaseGoesBackToTheCablePageWithItsReason() {
        long id = approved("DECL: 02/09/2019");
        Response stale = releaseNow("approver", id, version(id) - 1, true);
        assertThat(stale.statusCode()).isEqualTo(303);
        assertThat(stale.getHeader("Location")).endsWith("/cables/" + id + "#release");
        assertThat(cablePage("approver", id, stale)).contains("role=\"alert\"")
                .contains("Not done: this cable changed since you opened it; nothing was changed");
        assertThat(state(id)).isEqualTo("APPROVED");
    }
}
