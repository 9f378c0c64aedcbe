package org.declass.leak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Everything a PDF holds, for leak checks (BRIEF 15 #1-#5): the text PDFTextStripper extracts, every indirect object
 * of the file (referenced or not) with every stream inflated and every string decoded, the raw bytes, and the
 * structural facts (Info keys, XMP, outline, annotations, forms, attachments, /ActualText, %%EOF count).
 */
public record PdfInspection(String extractedText, String allObjects, String rawBytes, Set<String> infoKeys,
                            boolean hasXmp, boolean hasOutline, int annotations, boolean hasAcroForm,
                            boolean hasNames, boolean hasActualText, int eofCount, int pages) {

    /** Every way the PDF could hold a string, joined: what a marker search must look through. */
    public String everything() {
        return extractedText + "\n" + allObjects + "\n" + rawBytes;
    }

    public static PdfInspection of(byte[] pdf) {
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            StringBuilder objects = new StringBuilder();
            boolean actualText = false;
            for (Map.Entry<COSObjectKey, Long> e : doc.getDocument().getXrefTable().entrySet()) {
                COSObject o = doc.getDocument().getObjectFromPool(e.getKey());
                COSBase b = o.getObject();
                walk(b, objects, new IdentityHashMap<>());
                if (b instanceof COSDictionary d && d.containsKey(COSName.ACTUAL_TEXT)) {
                    actualText = true;
                }
            }
            String all = objects.toString();
            actualText |= all.contains("/ActualText") || all.contains("ActualText");
            int annots = 0;
            for (PDPage page : doc.getPages()) {
                annots += page.getAnnotations().size();
            }
            Set<String> info = new TreeSet<>();
            for (COSName k : doc.getDocumentInformation().getCOSObject().keySet()) {
                info.add(k.getName());
            }
            var catalog = doc.getDocumentCatalog().getCOSObject();
            return new PdfInspection(text, all, raw, info, catalog.containsKey(COSName.METADATA),
                    catalog.containsKey(COSName.OUTLINES), annots, catalog.containsKey(COSName.ACRO_FORM),
                    catalog.containsKey(COSName.NAMES), actualText, count(raw, "%%EOF"), doc.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }

    private static void walk(COSBase b, StringBuilder out, Map<COSBase, Boolean> seen) {
        if (b == null || seen.put(b, Boolean.TRUE) != null) {
            return;
        }
        if (b instanceof COSStream s) {
            try (InputStream in = s.createInputStream()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                out.append(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1)).append('\n');
            } catch (IOException e) {
                out.append("[stream not inflatable: ").append(e.getMessage()).append("]\n");
            }
        }
        if (b instanceof COSDictionary d) {
            for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                out.append('/').append(e.getKey().getName()).append(' ');
                COSBase v = e.getValue();
                if (!(v instanceof COSObject)) {
                    walk(v, out, seen);
                }
            }
        } else if (b instanceof COSArray a) {
            List<COSBase> items = new ArrayList<>();
            a.forEach(items::add);
            for (COSBase v : items) {
                if (!(v instanceof COSObject)) {
                    walk(v, out, seen);
                }
            }
        } else if (b instanceof COSString s) {
            out.append(s.getString()).append('\n');
        } else if (b instanceof COSName n) {
            out.append(n.getName()).append(' ');
        }
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
