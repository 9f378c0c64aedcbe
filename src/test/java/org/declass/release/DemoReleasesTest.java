package org.declass.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.cable.Cable;
import org.declass.cable.CableFinding;
import org.declass.cable.Disposition;
import org.declass.cable.Paragraph;
import org.declass.cable.Redaction;
import org.declass.cable.WorkflowState;
import org.declass.marking.MarkingRules;
import org.junit.jupiter.api.Test;

/**
 * The demo releases show what a real reviewer would release (issue 19): no name left visible that the cable's own
 * redactions withhold elsewhere, and no classified-information exemption on an unclassified paragraph.
 */
@QuarkusTest
class DemoReleasesTest {

    @Inject
    EntityManager em;

    /** One demo release as the test sees it: its public text and what its review withheld. */
    record Released(String reference, long id, String publicText, List<String> redactedTexts,
                    List<String> unclassifiedWithClassifiedCode, List<String> findingCodes) {
    }

    private List<Released> demoReleases() {
        Map<String, DemoReviews.Review> reviews = DemoReviews.load();
        List<Released> out = new ArrayList<>();
        for (String reference : reviews.keySet()) {
            Released r = QuarkusTransaction.requiringNew().call(() -> {
                List<Cable> found = em.createQuery("select c from Cable c where c.reference = :r", Cable.class)
                        .setParameter("r", reference).getResultList();
                if (found.isEmpty() || found.get(0).getState() != WorkflowState.RELEASED) {
                    return null;
                }
                Cable c = found.get(0);
                List<String> texts = new ArrayList<>();
                List<String> wrong = new ArrayList<>();
                for (Redaction red : c.getRedactions()) {
                    if (red.getPortion() != null) {
                        continue;
                    }
                    Paragraph p = paragraph(c, red.getParagraphSeq());
                    texts.add(p.getText().substring(red.getStart(), red.getEnd()));
                    if (!classified(p)) {
                        red.getCodes().stream().filter(MarkingRules::isClassifiedInformationExemption)
                                .forEach(code -> wrong.add("redaction in paragraph " + p.getAddress() + ": " + code));
                    }
                }
                for (Paragraph p : c.getParagraphs()) {
                    if (p.getDisposition() == Disposition.WITHHOLD && !classified(p)) {
                        p.getDispositionCodes().stream().filter(MarkingRules::isClassifiedInformationExemption)
                                .forEach(code -> wrong.add("paragraph " + p.getAddress() + " withheld: " + code));
                    }
                }
                List<String> codes = c.getFindings().stream().map(CableFinding::getCode).toList();
                return new Released(reference, c.getId(), null, texts, wrong, codes);
            });
            if (r != null) {
                String text = given().get("/api/releases/" + r.id() + ".txt").then().statusCode(200).extract()
                        .asString();
                out.add(new Released(r.reference(), r.id(), text, r.redactedTexts(),
                        r.unclassifiedWithClassifiedCode(), r.findingCodes()));
            }
        }
        return out;
    }

    private static Paragraph paragraph(Cable c, int seq) {
        return c.getParagraphs().stream().filter(p -> p.getSeq() == seq).findFirst().orElseThrow();
    }

    private static boolean classified(Paragraph p) {
        return DemoReviews.Portion.classified(p.getMark(), p.getEffectiveLevel());
    }

    /** The words, whole, case-insensitive, with any white space between them. */
    private static boolean standsIn(String words, String text) {
        String[] parts = words.strip().split("\\s+");
        StringBuilder sb = new StringBuilder("(?iu)(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < parts.length; i++) {
            sb.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(sb.append("(?![\\p{L}\\p{N}])").toString()).matcher(text).find();
    }

    @Test
    void theDemoReleasesAreThereAndTashkentIsAmongThem() {
        List<Released> released = demoReleases();
        assertThat(released).extracting(Released::reference).contains("01TASHKENT2204");
        assertThat(released).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void noDemoReleaseLeavesVisibleAnyTextItsOwnRedactionsWithholdElsewhere() {
        for (Released r : demoReleases()) {
            for (String withheld : r.redactedTexts()) {
                assertThat(standsIn(withheld, r.publicText()))
                        .as(r.reference() + ": \"" + withheld + "\" is redacted once but stands in the public text")
                        .isFalse();
            }
        }
    }

    @Test
    void noDemoReleaseCitesAClassifiedInformationExemptionOnAnUnclassifiedParagraph() {
        for (Released r : demoReleases()) {
            assertThat(r.unclassifiedWithClassifiedCode()).as(r.reference()).isEmpty();
            assertThat(r.findingCodes()).as(r.reference()).doesNotContain("R-EXM-1");
        }
    }

    @Test
    void noDemoReleaseRedactsTheWordSummary() {
        for (Released r : demoReleases()) {
            assertThat(r.redactedTexts()).as(r.reference())
                    .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("summary"));
        }
    }

    @Test
    void tashkentWithholdsTheSourcesNameEverywhereAndKeepsTheWordOfficer() {
        Released tashkent = demoReleases().stream().filter(r -> r.reference().equals("01TASHKENT2204")).findFirst()
                .orElseThrow();
        assertThat(tashkent.publicText()).doesNotContainIgnoringCase("Sattarov").contains("officer")
                .contains("Summary").contains("[REDACTED 25X1]");
        assertThat(tashkent.redactedTexts()).contains("Sattarov").doesNotContain("officer");
    }

    @Test
    void everyDemoReviewFitsItsCable() {
        // a review whose words are in no paragraph, or that would cite a classified code on a (U) paragraph, is
        // refused by the planner: every review must plan cleanly on its cable as stored
        for (DemoReviews.Review review : DemoReviews.load().values()) {
            QuarkusTransaction.requiringNew().run(() -> {
                Cable c = em.createQuery("select c from Cable c where c.reference = :r", Cable.class)
                        .setParameter("r", review.reference()).getSingleResult();
                DemoReviews.Plan plan = DemoReviews.plan(review, DemoReleases.portions(c));
                assertThat(plan.redactions().size() + plan.withholds().size()).as(review.reference()).isPositive();
            });
        }
    }
}
