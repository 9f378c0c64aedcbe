package org.declass.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.review.ReviewApi.act;
import static org.declass.review.ReviewApi.as;
import static org.declass.review.ReviewApi.audit;
import static org.declass.review.ReviewApi.body;
import static org.declass.review.ReviewApi.cable;
import static org.declass.review.ReviewApi.ingest;
import static org.declass.review.ReviewApi.mark;
import static org.declass.review.ReviewApi.version;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.cable.Cable;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * The side doors of issue 14 part 4, each closed: every change of a cable's marking and state goes through the
 * review aggregate, with its state, claimant, version and two-person rule. Each test failed on the code before.
 */
@QuarkusTest
class ReviewSideDoorsTest {

    @Inject
    TwoPersonRule twoPersonRule;

    @Inject
    EntityManager em;

    /** A CONFIDENTIAL cable whose paragraph 2 is marked (S): R-LVL-1, an ERROR with a suggested fix (raise the banner). */
    static long underMarked(String marker) {
        return ingest(CableFixtures.confidentialCable(ReviewApiTest.serial(), marker)
                .replace("2. (U) The tender closes next month.", "2. (S) The tender closes next month."));
    }

    static Response applyFix(String user, long id, String code, Long version) {
        var request = as(user);
        if (version != null) {
            request = request.queryParam("version", version);
        }
        return request.post("/api/cables/" + id + "/findings/" + code + "/apply");
    }

    // ---------------------------------------------------------------- the finding's suggested fix

    @Test
    void aFindingsFixCannotChangeTheBannerOfAnApprovedCable() {
        long id = underMarked("SD-FIX-APPROVED");
        act("reviewer", id, "claim").then().statusCode(200);
        act("reviewer", id, "submit").then().statusCode(200);
        act("approver", id, "approve", "override", "banner fixed in the next review").then().statusCode(200);
        String banner = cable("admin", id).getString("banner");
        long v = version(id);

        applyFix("reviewer", id, "R-LVL-1", v).then().statusCode(409)
                .body("message", containsString("it is APPROVED"));
        JsonPath after = cable("admin", id);
        assertThat(after.getString("banner")).isEqualTo(banner).isEqualTo("CONFIDENTIAL");
        assertThat(after.getLong("version")).isEqualTo(v);
    }

    @Test
    void aFindingsFixOnASubmittedCableIsRefusedSoNobodyCanFixThenApproveIt() {
        long id = underMarked("SD-FIX-SUBMITTED");
        act("reviewer", id, "claim").then().statusCode(200);
        act("reviewer", id, "submit").then().statusCode(200);
        // admin holds every role: before, they could apply the fix here and then approve the cable themselves
        applyFix("admin", id, "R-LVL-1", version(id)).then().statusCode(409)
                .body("message", containsString("it is SUBMITTED"));
        assertThat(cable("admin", id).getString("banner")).isEqualTo("CONFIDENTIAL");
    }

    @Test
    void onlyTheClaimantMayApplyAFindingsFixAndAnyoneElseGets403NamingTheClaimant() {
        long id = underMarked("SD-FIX-CLAIMANT");
        act("reviewer", id, "claim").then().statusCode(200);
        applyFix("admin", id, "R-LVL-1", version(id)).then().statusCode(403)
                .body("message", containsString("claimed by reviewer"));
        assertThat(cable("admin", id).getString("banner")).isEqualTo("CONFIDENTIAL");
        applyFix("reviewer", id, "R-LVL-1", version(id)).then().statusCode(200).body("banner", equalTo("SECRET"));
    }

    @Test
    void aFindingsFixNeedsTheVersionTheCallerReadByQueryOrBody() {
        long id = underMarked("SD-FIX-VERSION");
        act("reviewer", id, "claim").then().statusCode(200);
        long v = version(id);
        applyFix("reviewer", id, "R-LVL-1", null).then().statusCode(400)
                .body("message", containsString("version is required"));
        applyFix("reviewer", id, "R-LVL-1", v - 1).then().statusCode(409)
                .body("message", equalTo("stale version " + (v - 1) + ", the cable is at version " + v
                        + "; reload and try again"));
        assertThat(cable("admin", id).getString("banner")).isEqualTo("CONFIDENTIAL");
        as("reviewer").body(Map.of("version", v)).post("/api/cables/" + id + "/findings/R-LVL-1/apply")
                .then().statusCode(200).body("banner", equalTo("SECRET")).body("version", equalTo((int) v + 1));
    }

    @Test
    void applyingAFindingsFixRecordsTheReviewerAsAParticipantAndAuditsIt() {
        long id = underMarked("SD-FIX-PARTICIPANT");
        act("reviewer", id, "claim").then().statusCode(200);
        applyFix("reviewer", id, "R-LVL-1", version(id)).then().statusCode(200);
        boolean participated = QuarkusTransaction.requiringNew().call(() ->
                twoPersonRule.participated(em.find(Cable.class, id), "reviewer"));
        assertThat(participated).as("a fix counts as marking for the two-person rule").isTrue();
        assertThat(audit(id)).anyMatch(e -> "MARKING_CHANGED".equals(e.get("action"))
                && "reviewer".equals(e.get("actor")) && String.valueOf(e.get("note")).contains("RAISE_BANNER"));
    }

    @Test
    void theCablePagesFixFormSendsTheVersionAndARefusalGoesBackToTheCablePageWithItsReason() {
        long id = underMarked("SD-FIX-PAGE");
        act("reviewer", id, "claim").then().statusCode(200);
        String page = io.restassured.RestAssured.given().auth().preemptive().basic("reviewer", "demo")
                .get("/cables/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("action=\"/review/" + id + "/findings/R-LVL-1/apply\"")
                .contains("name=\"version\" value=\"" + version(id) + "\"");
        io.restassured.RestAssured.given().auth().preemptive().basic("reviewer", "demo").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").accept("text/html")
                .formParam("version", version(id) - 1).post("/review/" + id + "/findings/R-LVL-1/apply")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/cables/" + id + "#findings"))
                .cookie(org.declass.feedback.Flash.COOKIE, org.hamcrest.Matchers.notNullValue());
        io.restassured.RestAssured.given().auth().preemptive().basic("reviewer", "demo").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("version", version(id))
                .post("/review/" + id + "/findings/R-LVL-1/apply").then().statusCode(303);
        assertThat(cable("admin", id).getString("banner")).isEqualTo("SECRET");
    }

    // ---------------------------------------------------------------- approval with open errors

    @Test
    void anApproverCannotApproveACableWithAnOpenErrorFindingWithoutAnOverrideReason() {
        long id = underMarked("SD-APPROVE-ERRORS");
        act("reviewer", id, "claim").then().statusCode(200);
        act("reviewer", id, "submit").then().statusCode(200);
        act("approver", id, "approve").then().statusCode(409)
                .body("message", containsString("R-LVL-1: "))
                .body("message", containsString("override"));
        assertThat(cable("admin", id).getString("state")).isEqualTo("SUBMITTED");
        String screen = io.restassured.RestAssured.given().auth().preemptive().basic("approver", "demo")
                .get("/review/" + id + "/approve").then().statusCode(200).extract().asString();
        assertThat(screen).contains("id=\"open-errors\"").contains("name=\"override\"");

        act("approver", id, "approve", "override", "the banner is corrected at release").then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        Map<String, Object> approved = audit(id).stream().filter(e -> "CABLE_APPROVED".equals(e.get("action")))
                .findFirst().orElseThrow();
        assertThat(String.valueOf(approved.get("note"))).contains("the banner is corrected at release")
                .contains("R-LVL-1");
    }

    // ---------------------------------------------------------------- a lowered marking is a proposal

    @Test
    void aConfidentialReaderCannotReadAParagraphLoweredFromSecretUntilADifferentApproverApprovedIt() {
        String secret = "SD-LOWER-" + ReviewApiTest.serial();
        long id = ReviewApiTest.claimed("reviewer", secret);
        mark("reviewer", id, "2", "C", List.of(), "the source is public now").then().statusCode(200);

        JsonPath asReviewer2 = cable("reviewer2", id);
        assertThat(asReviewer2.getBoolean("paragraphs.find { it.number == 2 }.withheld")).isTrue();
        assertThat(asReviewer2.prettify()).doesNotContain(secret + " told"); // paragraph 1 holds "PLAIN-" + secret
        JsonPath asReviewer = cable("reviewer", id);
        assertThat(asReviewer.getString("paragraphs.find { it.number == 2 }.effectiveMarking.portionMark"))
                .isEqualTo("(S)");
        assertThat(asReviewer.getString("proposals.find { it.address == '2' }.proposed.portionMark")).isEqualTo("(C)");
        assertThat(asReviewer.getString("proposals.find { it.address == '2' }.proposedBy")).isEqualTo("reviewer");
        String screen = io.restassured.RestAssured.given().auth().preemptive().basic("reviewer", "demo")
                .get("/review/" + id).then().statusCode(200).extract().asString();
        assertThat(screen).contains("id=\"proposals\"");

        act("reviewer", id, "submit").then().statusCode(200);
        assertThat(cable("reviewer2", id).getBoolean("paragraphs.find { it.number == 2 }.withheld")).isTrue();
        act("approver", id, "approve").then().statusCode(200);

        JsonPath approved = cable("reviewer2", id);
        assertThat(approved.getBoolean("paragraphs.find { it.number == 2 }.withheld")).isFalse();
        assertThat(approved.getString("paragraphs.find { it.number == 2 }.text")).contains(secret);
        assertThat(cable("admin", id).getList("proposals")).isEmpty();
        assertThat(audit(id)).anyMatch(e -> "MARKING_CHANGED".equals(e.get("action"))
                && "approver".equals(e.get("actor")) && Integer.valueOf(2).equals(e.get("paragraph"))
                && "(C)".equals(e.get("after")));
    }

    @Test
    void droppingNofornIsAProposalAndRaisingTakesEffectAtOnceAndDropsThePendingProposal() {
        long id = ReviewApiTest.claimed("reviewer", "SD-RAISE-" + ReviewApiTest.serial());
        mark("reviewer", id, "3", "C", List.of("NF"), "liaison").then().statusCode(200);
        mark("reviewer", id, "3", "C", List.of(), "no liaison after all").then().statusCode(200);
        JsonPath c = cable("admin", id);
        assertThat(c.getString("paragraphs.find { it.number == 3 }.effectiveMarking.portionMark")).isEqualTo("(C//NF)");
        assertThat(c.getString("proposals.find { it.address == '3' }.proposed.portionMark")).isEqualTo("(C)");

        mark("reviewer", id, "3", "S", List.of("NF"), "raised").then().statusCode(200);
        c = cable("admin", id);
        assertThat(c.getString("paragraphs.find { it.number == 3 }.effectiveMarking.portionMark")).isEqualTo("(S//NF)");
        assertThat(c.getList("proposals")).isEmpty();
    }

    // ---------------------------------------------------------------- event date

    @Test
    void anEventDateBeforeTheCablesOwnDateIsRefusedWith400NamingTheRule() {
        long id = ingest(CableFixtures.secretCableForReview(ReviewApiTest.serial(), "SD-EVENT", "SD-EVENT-S")
                .replace("E.O. 12958: DECL: 04/29/2019", "E.O. 12958: DECL: AFTER THE CLOSURE OF THE INVENTED INQUIRY"));
        act("reviewer", id, "claim").then().statusCode(200);
        act("reviewer", id, "submit").then().statusCode(200);
        act("approver", id, "approve").then().statusCode(200);
        long v = version(id);
        as("approver").body(body(v, "occurredOn", "1900-01-01")).post("/api/cables/" + id + "/event")
                .then().statusCode(400)
                .body("message", containsString("before the cable's own date 2009-04-29"))
                .body("message", containsString("between the cable's own date and today"));
        as("approver").body(body(v, "occurredOn", "2999-01-01")).post("/api/cables/" + id + "/event")
                .then().statusCode(400).body("message", containsString("between the cable's own date and today"));
        JsonPath c = cable("admin", id);
        assertThat(c.getString("state")).isEqualTo("APPROVED");
        assertThat(c.getString("release.date")).isNull();
        assertThat(c.getLong("version")).isEqualTo(v);
    }

    // ---------------------------------------------------------------- RELEASED only through the review aggregate

    @Test
    void onlyTheReviewPackageWritesTheWorkflowStateInSql() throws IOException {
        Path main = Path.of("src/main/java/org/declass");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> writers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(main.resolve("review")))
                    .filter(f -> {
                        try {
                            String s = Files.readString(f).replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
                            return s.contains("set state =") || s.contains("set c.state =")
                                    || s.contains("c.state = :released");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
            assertThat(writers).as("code outside review that writes cable.state").isEmpty();
        }
    }
}
