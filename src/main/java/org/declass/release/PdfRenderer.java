package org.declass.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.declass.redaction.CableDocument;

/**
 * Lays out the XHTML of a cable document as a text-based PDF (openhtmltopdf on PDFBox 3) and cleans it before the
 * one full write: the document information holds only Title (the reference) and a fixed Producer; the XMP metadata
 * only the title and the PDF/UA identifier; no outline, annotations, forms, attachments or JavaScript; one revision,
 * one %%EOF. It is tagged (PDF/UA: a structure tree made from the same document, marked, language "en", the title
 * shown). Text that is not in the document cannot be in the PDF: there is nothing to cover with a box.
 */
@ApplicationScoped
public class PdfRenderer {

    public static final String PRODUCER = "Declass";

    /** The PDF's font, embedded (subset): DejaVu Sans Mono, bundled under /fonts with its licence. */
    static final String FONT = "DejaVu Sans Mono";

    /** Page setup added to the document stylesheet for print. */
    static final String PAGE_CSS = "\n@page { size: letter; margin: 18mm 16mm; }\n"
            + "body { margin: 0; font-size: 9.5pt; }\n"
            // a tagged PDF embeds its fonts (no standard 14 font): one bundled family for everything
            + "body, body * { font-family: '" + FONT + "' !important; }\n"
            + ".cable-document { border: none; padding: 0; max-width: none; }\n"
            + ".doc-banner { color: #000; border: 1px solid #000; letter-spacing: 0; }\n"
            + ".declass-word { letter-spacing: 0; }\n"
            // inline, so that a placeholder never sits apart from its line; openhtmltopdf paints inline elements
            // after the line's plain text, so extraction in stream order lists them at the line's end (extraction
            // sorted by position, PDFTextStripper.setSortByPosition(true), gives the reading order)
            + ".placeholder { display: inline; }\n";

    public byte[] render(CableDocument doc, String xhtml) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.withHtmlContent(xhtml, null);
        builder.withProducer(PRODUCER);
        // tagged for assistive technology (PDF/UA): a structure tree made from the same document, so it holds
        // nothing the page does not; clean() keeps it and sets the language and title
        builder.usePdfUaAccessibility(true);
        builder.useFont(() -> PdfRenderer.class.getResourceAsStream("/fonts/DejaVuSansMono.ttf"), FONT, 400,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> PdfRenderer.class.getResourceAsStream("/fonts/DejaVuSansMono-Bold.ttf"), FONT, 700,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            try (PDDocument pdf = renderer.createPDFKeepOpen()) {
                clean(pdf, doc.reference());
                ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
                pdf.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF of cable " + doc.reference(), e);
        }
    }

    static final String LANGUAGE = "en";

    /** XMP metadata with exactly the title and the PDF/UA part: nothing taken from the document's text. */
    static PDMetadata xmp(PDDocument pdf, String title) {
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String xml = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped + "</rdf:li></rdf:Alt></dc:title>"
                + "</rdf:Description>"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">"
                + "<pdfuaid:part>1</pdfuaid:part></rdf:Description>"
                + "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
        try {
            PDMetadata metadata = new PDMetadata(pdf);
            metadata.importXMPMetadata(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything but the page content and the resources it uses goes. */
    static void clean(PDDocument pdf, String title) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        pdf.setDocumentInformation(info);
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        for (COSName key : new COSName[] {COSName.METADATA, COSName.OUTLINES, COSName.ACRO_FORM, COSName.NAMES,
                COSName.OPEN_ACTION, COSName.AA, COSName.DESTS,
                COSName.PAGE_LABELS, COSName.getPDFName("OCProperties"), COSName.getPDFName("AF")}) {
            catalog.getCOSObject().removeItem(key);
        }
        for (PDPage page : pdf.getPages()) {
            page.getCOSObject().removeItem(COSName.ANNOTS);
            page.getCOSObject().removeItem(COSName.AA);
            page.getCOSObject().removeItem(COSName.METADATA);
            page.getCOSObject().removeItem(COSName.THUMB);
        }
        // PDF/UA: tagged, in English, showing its title (the reference) rather than a file name; the XMP the
        // standard asks for is written afresh with the title and the PDF/UA identifier only
        catalog.setLanguage(LANGUAGE);
        PDMarkInfo mark = catalog.getMarkInfo() == null ? new PDMarkInfo() : catalog.getMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        catalog.setMetadata(xmp(pdf, title));
    }
}
