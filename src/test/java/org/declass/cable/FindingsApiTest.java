package org.declass.cable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.declass.marking.ClassificationLevel;
import org.declass.marking.Finding;
import org.declass.marking.Marking;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/** Marking findings over HTTP: stored on ingest, listed per rule, reported, and fixed by a person (audited). */
@QuarkusTest
class FindingsApiTest {

    @Inject
    FindingsService findings;

    /** A CONFIDENTIAL cable whose second paragraph is marked (S): the banner is below the highest portion. */
    static String underMarked(String serial) {
        return CableFixtures.confidentialCable(serial, "MARKER-UNDER-" + serial)
                .replace("2. (U) The tender closes next month.", "2. (S) The tender closes next month.");
    }

    static long ingest(String text) {
        return CableApiTest.ingest("reviewer", text).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath cable(long id) {
        return given().auth().preemptive().basic("reviewer", "demo").get("/api/cables/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** reviewer claims the cable: a fix goes through the review aggregate, for the claimant only. */
    static long claim(long id) {
        given().auth().preemptive().basic("reviewer", "demo").contentType("application/json")
                .body(Map.of("version", cable(id).getLong("version"))).post("/api/cables/" + id + "/claim")
                .then().statusCode(200);
        return id;
    }

    /** POST .../findings/{code}/apply as {@code user} with the cable's current version. */
    static io.restassured.response.Response apply(String user, long id, String code) {
        return given().auth().preemptive().basic(user, "demo").queryParam("version", cable(id).getLong("version"))
                .post("/api/cables/" + id + "/findings/" + code + "/apply");
    }

    @Test
    void aBannerBelowAPortionIsStoredAsAnErrorWithASuggestedFix() {
        long id = ingest(underMarked("2201"));
        JsonPath c = cable(id);
        List<Map<String, Object>> lvl = c.getList("findings.findAll { it.code == 'R-LVL-1' }");
        assertThat(lvl).hasSize(1);
        assertThat(lvl.get(0)).containsEntry("severity", "ERROR").containsEntry("paragraph", 2);
        assertThat(lvl.get(0).get("message").toString()).contains("CONFIDENTIAL", "(S)").doesNotContain("tender");
        assertThat(c.getString("findings.find { it.code == 'R-LVL-1' }.suggestion.action")).isEqualTo("RAISE_BANNER");
        assertThat(c.getString("findings.find { it.code == 'R-LVL-1' }.suggestion.mark")).isEqualTo("(S)");
    }

    @Test
    void theListFiltersByRuleAndByErrors() {
        long bad = ingest(underMarked("2202"));
        long good = ingest(CableFixtures.confidentialCable("2203", "MARKER-GOOD-2203"));
        List<Integer> byRule = given().auth().preemptive().basic("reviewer", "demo")
                .queryParam("rule", "R-LVL-1").queryParam("size", 200).get("/api/cables")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(byRule).contains((int) bad).doesNotContain((int) good);
        List<Integer> withErrors = given().auth().preemptive().basic("reviewer", "demo")
                .queryParam("hasErrors", true).queryParam("size", 200).get("/api/cables")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(withErrors).contains((int) bad).doesNotContain((int) good);
        given().auth().preemptive().basic("reviewer", "demo").queryParam("rule", "not a rule; drop")
                .get("/api/cables").then().statusCode(400);
    }

    @Test
    void theReportCountsCablesPerRuleAndThePageLinksToThem() {
        ingest(underMarked("2204"));
        JsonPath report = given().auth().preemptive().basic("auditor", "demo").get("/api/findings/report")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("find { it.code == 'R-LVL-1' && it.severity == 'ERROR' }.cables"))
                .isGreaterThanOrEqualTo(1);
        assertThat(report.getString("find { it.code == 'R-LVL-1' }.title")).contains("highest portion");
        given().auth().preemptive().basic("auditor", "demo").get("/findings").then().statusCode(200)
                .body(containsString("href=\"/cables?rule=R-LVL-1\""));
    }

    @Test
    void aClassifiedExemptionCitedOnAnUnclassifiedParagraphIsAStoredErrorUntilTheRedactionGoes() {
        org.declass.release.ReleaseFlow flow = org.declass.release.ReleaseFlow.ingestAndClaim(
                org.declass.testdata.CableFixtures.secretCableForReview("2206", "MKEXM2206", "MKEXMSRC2206"),
                "reviewer");
        flow.redact(1, "Pivdennyi-Nord", "25X1");
        JsonPath cable = flow.cable();
        assertThat(cable.getList("findings.code", String.class)).contains("R-EXM-1");
        assertThat(cable.getString("findings.find { it.code == 'R-EXM-1' }.severity")).isEqualTo("ERROR");
        assertThat(cable.getString("findings.find { it.code == 'R-EXM-1' }.message")).contains("(U)", "25X1")
                .doesNotContain("Pivdennyi");
        Object redaction = cable.getList("redactions.id").get(0);
        org.declass.release.ReleaseFlow.as("reviewer").queryParam("version", cable.getLong("version"))
                .delete("/api/cables/" + flow.id() + "/redactions/" + redaction).then().statusCode(200);
        flow.redact(1, "Pivdennyi-Nord", "(b)(6)").redact(2, "MKEXMSRC2206", "25X1");
        assertThat(flow.cable().getList("findings.code", String.class)).doesNotContain("R-EXM-1");
    }

    @Test
    void theReportListsErrorsFirstAndCitesPublicSourcesNotInternalDocuments() {
        JsonPath report = given().auth().preemptive().basic("auditor", "demo").get("/api/findings/report")
                .then().statusCode(200).extract().jsonPath();
        java.util.List<String> severities = report.getList("severity", String.class);
        assertThat(severities).contains("ERROR", "WARNING");
        assertThat(severities.indexOf("WARNING")).isGreaterThan(severities.lastIndexOf("ERROR"));
        if (severities.contains("INFO")) {
            assertThat(severities.indexOf("INFO")).isGreaterThan(severities.lastIndexOf("WARNING"));
        }
        assertThat(report.getString("find { it.code == 'R-LVL-1' }.source")).contains("32 CFR 2001.21(b)")
                .doesNotContain("BRIEF");
        assertThat(report.getList("source", String.class)).noneMatch(s -> s != null && s.contains("BRIEF"));
        assertThat(report.getString("find { it.code == 'R-LVL-1' }.citations[1].url"))
                .isEqualTo("https://www.ecfr.gov/current/title-32/section-2001.21");
        String page = given().auth().preemptive().basic("auditor", "demo").get("/findings").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("href=\"https://www.archives.gov/isoo/policy-documents/cnsi-eo.html\"")
                .contains("E.O. 13526 §1.6(a)").doesNotContain("BRIEF").doesNotContain("marking-rules.md");
        assertThat(page.indexOf("sev-ERROR")).isLessThan(page.indexOf("sev-WARNING"));
    }

    @Test
    void addingANofornCaptionHidesTheUnmarkedSubjectFromReadersWithoutNofornEligibilityInPagesSearchAndCounts() {
        String word = "zqsubjnf" + System.nanoTime() % 1_000_000;
        String text = CableFixtures.confidentialCable("2291", "MARKER-NF-2291")
                .replace("SUBJECT: URUGUAY: INVENTED PORT TENDER DRAWS THREE BIDDERS",
                        "SUBJECT: URUGUAY: INVENTED " + word.toUpperCase() + " TENDER")
                .replace("2. (U) The tender closes next month.", "2. (C//NF) The tender closes next month.");
        long id = ingest(text);
        // reviewer2 is cleared CONFIDENTIAL, not NOFORN-eligible: the cable is stored carrying its portion's NOFORN
        // (issue 16), so the unmarked subject, which carries the cable's marking, is hidden from ingest on
        given().auth().preemptive().basic("reviewer2", "demo").queryParam("q", word).get("/api/cables")
                .then().statusCode(200).body("total", equalTo(0));

        claim(id);
        apply("reviewer", id, "R-CTL-1").then().statusCode(200).body("banner", containsString("NOFORN"));

        JsonPath asReviewer2 = given().auth().preemptive().basic("reviewer2", "demo").get("/api/cables/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(asReviewer2.getString("subject")).isNull();
        String page = given().auth().preemptive().basic("reviewer2", "demo").queryParam("q", word)
                .get("/api/cables").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain(word.toUpperCase()).contains("\"total\":0");
        String all = given().auth().preemptive().basic("reviewer2", "demo").get("/api/cables/" + id + "/view?format=txt")
                .then().extract().asString();
        assertThat(all).doesNotContain(word.toUpperCase());
        // a NOFORN-eligible reader still finds it, with its exact count
        given().auth().preemptive().basic("reviewer", "demo").queryParam("q", word).get("/api/cables")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) id));
    }

    @Test
    void aReviewerAppliesTheSuggestedFixAndItIsAudited() {
        long id = claim(ingest(underMarked("2205")));
        apply("reviewer", id, "R-LVL-1").then().statusCode(200)
                .body("banner", equalTo("SECRET"))
                .body("findings.code", not(hasItem("R-LVL-1")));
        assertThat(cable(id).getInt("findings.findAll { it.severity == 'ERROR' }.size()")).isZero();
        given().auth().preemptive().basic("admin", "demo").queryParam("cable", id)
                .queryParam("action", "MARKING_CHANGED").get("/api/audit")
                .then().statusCode(200)
                .body(containsString("RAISE_BANNER"))
                .body(containsString("reviewer"));
    }

    @Test
    void anAuditorMayNotApplyAFixAndAMissingFindingIs404() {
        long id = claim(ingest(underMarked("2206")));
        apply("auditor", id, "R-LVL-1").then().statusCode(403);
        apply("reviewer", id, "R-EO-6").then().statusCode(404);
    }

    @Test
    void aMarkingChangeThatWouldCreateAnErrorIsNamedBeforeItIsMade() {
        long id = ingest(CableFixtures.confidentialCable("2207", "MARKER-WOULD-2207"));
        List<Finding> errors = findings.wouldCreateErrors(id, 2,
                Marking.of(ClassificationLevel.SECRET, Marking.EXDIS, Marking.NODIS));
        assertThat(errors).extracting(Finding::code).containsExactly("R-CTL-2");
        // a remark recomputes the banner from the portions, so raising a paragraph raises the banner: no R-LVL-1
        assertThat(findings.wouldCreateErrors(id, 2, Marking.of(ClassificationLevel.SECRET))).isEmpty();
    }

    @Test
    void recomputingTheFindingsOfAnUnchangedCableGivesTheSameFindings() {
        long id = ingest(underMarked("2208"));
        List<String> before = cable(id).getList("findings.code");
        findings.revalidate(id);
        assertThat(cable(id).getList("findings.code", String.class)).containsExactlyInAnyOrderElementsOf(
                before.stream().map(Object::toString).toList());
    }
}
