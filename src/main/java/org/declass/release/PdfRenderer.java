package org.declass.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.declass.redaction.CableDocument;

/**
 * Lays out the XHTML of a cable document as a text-based PDF (openhtmltopdf on PDFBox 3) and cleans it before the
 * one full write: the document information holds only Title (the reference) and a fixed Producer; no XMP
 * metadata, outline, annotations, forms, attachments, structure tree or JavaScript; one revision, one %%EOF. Text
 * that is not in the document cannot be in the PDF: there is nothing to cover with a box.
 */
@ApplicationScoped
public class PdfRenderer {

    public static final String PRODUCER = "Declass";

    /** Page setup added to the document stylesheet for print. */
    static final String PAGE_CSS = "\n@page { size: letter; margin: 18mm 16mm; }\n"
            + "body { margin: 0; font-family: Courier, monospace; font-size: 9.5pt; }\n"
            + ".cable-document { border: none; padding: 0; max-width: none; font-family: Courier, monospace; }\n"
            + ".declass-stamp, .redaction-index { font-family: Helvetica, sans-serif; }\n"
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

    /** Everything but the page content and the resources it uses goes. */
    static void clean(PDDocument pdf, String title) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        pdf.setDocumentInformation(info);
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        for (COSName key : new COSName[] {COSName.METADATA, COSName.OUTLINES, COSName.ACRO_FORM, COSName.NAMES,
                COSName.STRUCT_TREE_ROOT, COSName.MARK_INFO, COSName.OPEN_ACTION, COSName.AA, COSName.DESTS,
                COSName.PAGE_LABELS, COSName.getPDFName("OCProperties"), COSName.getPDFName("AF")}) {
            catalog.getCOSObject().removeItem(key);
        }
        for (PDPage page : pdf.getPages()) {
            page.getCOSObject().removeItem(COSName.ANNOTS);
            page.getCOSObject().removeItem(COSName.AA);
            page.getCOSObject().removeItem(COSName.METADATA);
            page.getCOSObject().removeItem(COSName.STRUCT_PARENTS);
            page.getCOSObject().removeItem(COSName.THUMB);
        }
    }
}
