package org.declass.sso;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Single sign-on is off unless configured: local accounts only, nothing of the OpenID Connect flow answers. */
@QuarkusTest
class SingleSignOnOffTest {

    @Test
    void theSingleSignOnPathIsNotThere() {
        given().redirects().follow(false).get("/login/sso").then().statusCode(404);
        given().redirects().follow(false).get("/login/sso?code=x&state=y").then().statusCode(404);
    }

    @Test
    void theLoginPageOffersNoSingleSignOn() {
        String page = given().get("/login").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("Sign in with").doesNotContain("/login/sso");
    }

    @Test
    void aBearerTokenOpensNothing() {
        given().header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.")
                .get("/api/cables?size=1").then().statusCode(401);
    }
}
