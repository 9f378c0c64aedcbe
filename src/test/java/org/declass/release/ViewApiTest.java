package org.declass.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.leak.PdfInspection;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A signed-in reader's view of a cable: every audience, every format, and the refusals. */
@QuarkusTest
class ViewApiTest {

    static final String SOURCE = "MKVIEWSOURCE6201";

    @Inject
    ReleaseService releases;

    static long approved;
    static long released;

    @BeforeEach
    void prepare() {
        if (approved != 0) {
            return;
        }
        approved = ReleaseFlow.ingestAndClaim(CableFixtures.secretCableForReview("6201", "MKVIEWPLAIN6201", SOURCE),
                "reviewer").redact(2, SOURCE, "25X1").withhold(3, "25X6").submitAndApprove("approver").id();
        released = ReleaseFlow.ingestAndClaim(CableFixtures.secretCableForReview("6202", "MKVIEWPLAIN6202",
                "MKVIEWSOURCE6202"), "reviewer").redact(2, "MKVIEWSOURCE6202", "25X1").submitAndApprove("approver")
                .release(releases).getCableId();
    }

    @Test
    void theApproversPublicPreviewIsTheDocumentThePublicWillReceive() {
        String preview = ReleaseFlow.as("approver").accept("*/*")
                .get("/api/cables/" + approved + "/view?audience=public&format=txt").then().statusCode(200)
                .extract().asString();
        assertThat(preview).startsWith("DECLASSIFIED").contains("Declassified on: not yet released (preview)")
                .contains("[REDACTED 25X1]").contains("[WITHHELD IN FULL 25X6]").doesNotContain(SOURCE)
                .contains("MKVIEWPLAIN6201").containsPattern("(?m)^E\\.O\\. 12958: DECL: \\d\\d/\\d\\d/\\d{4}$");
        // after release the public document differs only in its declassification marking
        ReleasedVersion v = releases.release(approved, "system:release", java.util.Set.of(), "test authority",
                java.time.Instant.now()).orElseThrow();
        String frozen = v.getReleasedText();
        assertThat(body(frozen)).isEqualTo(body(preview));
    }

    @Test
    void eachAudienceGetsItsOwnDocumentInEachFormat() {
        ReleaseFlow.as("reviewer").accept("*/*").get("/api/cables/" + released + "/view?audience=reviewer&format=json")
                .then().statusCode(200).body("audience", equalTo("REVIEWER"))
                .body("body[1].pieces.kind", org.hamcrest.Matchers.hasItem("PROPOSED"));
        ReleaseFlow.as("reviewer").accept("*/*").get("/api/cables/" + released + "/view?audience=cleared&format=txt")
                .then().statusCode(200).body(containsString("MKVIEWSOURCE6202"));
        ReleaseFlow.as("reviewer2").accept("*/*").get("/api/cables/" + released + "/view?format=txt")
                .then().statusCode(200).body(containsString("[withheld: (S) portion]"))
                .body(org.hamcrest.Matchers.not(containsString("MKVIEWSOURCE6202")));
        String html = ReleaseFlow.as("auditor").accept("*/*").get("/api/cables/" + released + "/view?audience=public")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("<s>SECRET</s>").contains("<s class=\"mark former\">(S)</s>")
                .contains("<span class=\"placeholder\">[REDACTED 25X1]</span>").contains("id=\"redaction-index\"")
                .doesNotContain("MKVIEWSOURCE6202");
    }

    @Test
    void thePdfIsTextBasedAndCleanWithNothingWithheldInAnyObject() {
        byte[] bytes = ReleaseFlow.as("approver").accept("*/*")
                .get("/api/cables/" + released + "/view?audience=public&format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        PdfInspection pdf = PdfInspection.of(bytes);
        assertThat(pdf.extractedText()).contains("DECLASSIFIED").contains("[REDACTED 25X1]")
                .contains("MKVIEWPLAIN6202").contains("REDACTION INDEX");
        assertThat(pdf.everything()).doesNotContain("MKVIEWSOURCE6202");
        assertThat(pdf.infoKeys()).containsExactlyInAnyOrder("Title", "Producer");
        assertThat(xmp(bytes)).as("the XMP holds the title and the PDF/UA part, nothing else")
                .contains("<dc:title>").contains("<pdfuaid:part>1</pdfuaid:part>").doesNotContain("MKVIEW")
                .doesNotContain("xmp:").doesNotContain("pdf:Producer");
        assertThat(pdf.hasOutline()).isFalse();
        assertThat(pdf.annotations()).isZero();
        assertThat(pdf.hasAcroForm()).isFalse();
        assertThat(pdf.hasNames()).isFalse();
        assertThat(pdf.hasActualText()).isFalse();
        assertThat(pdf.eofCount()).isEqualTo(1);
        assertThat(pdf.allObjects()).doesNotContain("/EmbeddedFile").doesNotContain("/Alt ");
        assertThat(inReadingOrder(bytes).replaceAll("\\s+", " "))
                .contains("2. (S) A source named [REDACTED 25X1] told poloff that the closure was ordered");
    }

    @Test
    void thePdfIsTaggedForAssistiveTechnologyWithItsLanguageAndTitle() throws java.io.IOException {
        byte[] bytes = ReleaseFlow.as("approver").accept("*/*")
                .get("/api/cables/" + released + "/view?audience=public&format=pdf").then().statusCode(200)
                .extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            var catalog = doc.getDocumentCatalog();
            assertThat(catalog.getStructureTreeRoot()).as("StructTreeRoot").isNotNull();
            assertThat(catalog.getStructureTreeRoot().getK()).as("the structure tree has elements").isNotNull();
            assertThat(catalog.getMarkInfo()).as("MarkInfo").isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).as("MarkInfo Marked").isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("en");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(releasedReference());
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(xmp(bytes)).contains("<pdfuaid:part>1</pdfuaid:part>").contains(releasedReference());
        }
    }

    private static String releasedReference() {
        return ReleaseFlow.as("approver").get("/api/cables/" + released).then().statusCode(200).extract()
                .path("reference");
    }

    private static String xmp(byte[] bytes) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            var metadata = doc.getDocumentCatalog().getMetadata();
            return metadata == null ? "" : new String(metadata.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The PDF's text sorted by position on the page: the order a person reads it in. */
    private static String inReadingOrder(byte[] bytes) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badAudienceOrFormatIs400NamingItAndAnUnknownIdIs404() {
        ReleaseFlow.as("reviewer").get("/api/cables/" + released + "/view?audience=everyone").then().statusCode(400)
                .body("message", equalTo("audience must be one of public, cleared, reviewer"));
        ReleaseFlow.as("reviewer").get("/api/cables/" + released + "/view?format=docx").then().statusCode(400)
                .body("message", equalTo("format must be one of html, txt, pdf, json"));
        ReleaseFlow.as("reviewer").get("/api/cables/abc/view").then().statusCode(400)
                .body("message", equalTo("the cable id must be a number"));
        ReleaseFlow.as("reviewer").get("/api/cables/987654321/view").then().statusCode(404);
    }

    @Test
    void aReaderWhoMayNotSeeAnAudienceGets403NamingNoContent() {
        long unreleased = ReleaseFlow.ingestAndClaim(CableFixtures.secretCableForReview("6203", "MKVIEWPLAIN6203",
                "MKVIEWSOURCE6203"), "reviewer").id();
        String body = ReleaseFlow.as("reviewer2").get("/api/cables/" + unreleased + "/view?audience=public&format=pdf")
                .then().statusCode(403).extract().asString();
        assertThat(body).doesNotContain("MKVIEWSOURCE6203").doesNotContain("MKVIEWPLAIN6203").contains("clearance");
        ReleaseFlow.as("auditor").get("/api/cables/" + released + "/view?audience=reviewer").then().statusCode(403)
                .body("message", containsString("REVIEWER"));
    }

    /** The text without its declassification marking (the first four lines and the blank line after them). */
    private static String body(String text) {
        return text.substring(text.indexOf("\n\n") + 2);
    }
}
