package org.declass.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.account.AccountApiTest.PASSWORD;
import static org.declass.account.AccountApiTest.unique;

import java.util.List;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import org.declass.security.Roles;
import org.junit.jupiter.api.Test;

/** The user administration pages, {@code /admin/users}: plain HTML forms, 303 on success, the form again on refusal. */
@QuarkusTest
class AccountPagesTest {

    static RequestSpecification page(String user, String password) {
        return given().auth().preemptive().basic(user, password).redirects().follow(false).accept("text/html");
    }

    static RequestSpecification admin() {
        return page("admin", "demo");
    }

    static RequestSpecification form(RequestSpecification spec) {
        return spec.contentType("application/x-www-form-urlencoded");
    }

    @Test
    void theListRendersForAnAdministratorWithEveryAccountAndTheCreateForm() {
        // the layout's one script (the menu button, a file of this site) aside, no script
        String html = admin().get("/admin/users").then().statusCode(200).extract().asString()
                .replace("<script src=\"/js/nav.js\" defer></script>", "");
        assertThat(html).contains("<a href=\"/admin/users/reviewer2\">reviewer2</a>")
                .contains("id=\"create-form\"").contains("action=\"/admin/users\"")
                .contains("id=\"nav-users\"")
                .doesNotContain("$2a$").doesNotContain("<script");
    }

    @Test
    void everyoneElseGets403OnThePagesAndSeesNoLinkToThem() {
        for (String who : List.of("reviewer", "approver", "auditor")) {
            page(who, "demo").get("/admin/users").then().statusCode(403);
            page(who, "demo").get("/admin/users/reviewer").then().statusCode(403);
            form(page(who, "demo")).formParam("username", unique("sneak")).formParam("password", PASSWORD)
                    .formParam("roles", Roles.ADMIN).formParam("clearance", "TOP SECRET").formParam("noforn", "true")
                    .post("/admin/users").then().statusCode(403);
            form(page(who, "demo")).post("/admin/users/reviewer2/disable").then().statusCode(403);
            String cables = page(who, "demo").get("/cables").then().statusCode(200).extract().asString();
            assertThat(cables).doesNotContain("/admin/users");
        }
        Response anonymous = given().redirects().follow(false).get("/admin/users");
        assertThat(anonymous.statusCode()).isBetween(302, 303);
        assertThat(anonymous.header("Location")).startsWith("/login");
    }

    @Test
    void theCreateFormCreatesTheAccountAndRedirectsToTheListWithAConfirmation() {
        String name = unique("formed");
        Response r = form(admin()).formParam("username", name).formParam("password", PASSWORD)
                .formParam("roles", Roles.REVIEWER).formParam("roles", Roles.AUDITOR)
                .formParam("clearance", "SECRET").formParam("noforn", "true").post("/admin/users");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/admin/users?done=created&user=" + name);

        String list = admin().get("/admin/users?done=created&user=" + name).then().statusCode(200).extract()
                .asString();
        assertThat(list).contains("id=\"done\"").contains("Account created: " + name)
                .contains("<a href=\"/admin/users/" + name + "\">" + name + "</a>");
        AccountApiTest.as("admin").get("/api/users/" + name).then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.contains(Roles.REVIEWER, Roles.AUDITOR))
                .body("clearance", org.hamcrest.Matchers.equalTo("SECRET"))
                .body("noforn", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void aRefusedCreateFormIsShownAgainWithTheProblemUnder400AndWithoutThePassword() {
        String name = unique("refused");
        String html = form(admin()).formParam("username", name).formParam("password", "abcdefghijk")
                .formParam("roles", Roles.REVIEWER).formParam("clearance", "CONFIDENTIAL").post("/admin/users")
                .then().statusCode(400).extract().asString();
        assertThat(html).contains("id=\"account-error\"").contains("at least 12 characters")
                .contains("value=\"" + name + "\"").doesNotContain("abcdefghijk")
                .contains("<option value=\"CONFIDENTIAL\" selected>");
        AccountApiTest.as("admin").get("/api/users/" + name).then().statusCode(404);
    }

    @Test
    void theEditPageChangesRolesDisablesAndEnablesWithA303Each() {
        String name = unique("edited");
        AccountApiTest.create("admin", name, List.of(Roles.REVIEWER), "SECRET", false);
        String edit = admin().get("/admin/users/" + name).then().statusCode(200).extract().asString();
        assertThat(edit).contains("action=\"/admin/users/" + name + "\"")
                .contains("action=\"/admin/users/" + name + "/password\"")
                .contains("action=\"/admin/users/" + name + "/disable\"");

        Response changed = form(admin()).formParam("roles", Roles.APPROVER).formParam("clearance", "CONFIDENTIAL")
                .post("/admin/users/" + name);
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.header("Location")).endsWith("/admin/users?done=changed&user=" + name);
        AccountApiTest.as("admin").get("/api/users/" + name).then()
                .body("roles", org.hamcrest.Matchers.contains(Roles.APPROVER))
                .body("clearance", org.hamcrest.Matchers.equalTo("CONFIDENTIAL"))
                .body("noforn", org.hamcrest.Matchers.equalTo(false));

        assertThat(form(admin()).post("/admin/users/" + name + "/disable").statusCode()).isEqualTo(303);
        assertThat(admin().get("/admin/users/" + name).asString()).contains("action=\"/admin/users/" + name
                + "/enable\"");
        assertThat(form(admin()).post("/admin/users/" + name + "/enable").statusCode()).isEqualTo(303);

        Response reset = form(admin()).formParam("password", "a-new-password-for-it").post("/admin/users/" + name
                + "/password");
        assertThat(reset.statusCode()).isEqualTo(303);
        given().auth().preemptive().basic(name, "a-new-password-for-it").get("/api/cables").then().statusCode(200);
    }

    @Test
    void aRefusedChangeShowsTheAccountPageAgainWithTheReasonAndItsStatus() {
        String admin2 = unique("admin2");
        AccountApiTest.create("admin", admin2, List.of(Roles.ADMIN), "SECRET", true);
        String html = form(page(admin2, PASSWORD)).formParam("roles", Roles.ADMIN).formParam("clearance", "TOP SECRET")
                .formParam("noforn", "true").post("/admin/users/" + admin2).then().statusCode(403).extract()
                .asString();
        assertThat(html).contains("id=\"account-error\"").contains("raise your own clearance");
        String self = form(page(admin2, PASSWORD)).post("/admin/users/" + admin2 + "/disable").then()
                .statusCode(409).extract().asString();
        assertThat(self).contains("you cannot disable your own account");
        form(admin()).formParam("password", "short").post("/admin/users/" + admin2 + "/password").then()
                .statusCode(400);
        admin().get("/admin/users/nobody-here").then().statusCode(404);
    }
}
