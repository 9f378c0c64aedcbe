package org.declass.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.declass.redaction.CableDocument;
import org.declass.redaction.PlainTextRenderer;

/**
 * The four renditions of a {@link CableDocument}: HTML (the shared tag {@code tags/cableDocument.html} in a
 * standalone page), plain text ({@link PlainTextRenderer}), PDF ({@link PdfRenderer}) and JSON (the document as
 * Jackson writes it). Each takes the document only, so nothing outside it (the stored text, a request body) can
 * reach the output.
 */
@ApplicationScoped
public class DocumentViews {

    @Inject
    ObjectMapper json;

    @Inject
    PdfRenderer pdf;

    /** The inline stylesheet of the standalone page and of the PDF. */
    static final String CSS = resource("META-INF/resources/css/document.css");

    /**
     * The content security policy of the standalone page: nothing but its own inline stylesheet, allowed by its
     * SHA-256 (the application's policy, web.SecurityHeaders, allows no inline style; a response that sets its own
     * policy keeps it). No script, no form, no frame.
     */
    static final String STANDALONE_CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; img-src 'self' data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @CheckedTemplate
    static class Templates {
        /** A whole HTML page holding one document: the view API's html format. */
        static native TemplateInstance standalone(CableDocument doc, String css);

        /** The XHTML the PDF is laid out from. */
        static native TemplateInstance pdf(CableDocument doc, String css);
    }

    public String html(CableDocument doc) {
        return Templates.standalone(doc, CSS).render();
    }

    public String text(CableDocument doc) {
        return PlainTextRenderer.render(doc);
    }

    public byte[] pdf(CableDocument doc) {
        return pdf.render(doc, Templates.pdf(doc, CSS + PdfRenderer.PAGE_CSS).render());
    }

    public String json(CableDocument doc) {
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the document of cable " + doc.reference() + " as JSON", e);
        }
    }

    /** The document in the format asked for, as a response; text and PDF come with a download file name. */
    public Response respond(CableDocument doc, ViewFormat format, String fileStem) {
        Object body = switch (format) {
            case HTML -> html(doc);
            case TXT -> text(doc);
            case PDF -> pdf(doc);
            case JSON -> json(doc);
        };
        return ok(body, format, fileStem);
    }

    static Response ok(Object body, ViewFormat format, String fileStem) {
        Response.ResponseBuilder r = Response.ok(body, format.mediaType())
                .header("X-Content-Type-Options", "nosniff");
        if (format == ViewFormat.HTML) {
            r.header("Content-Security-Policy", STANDALONE_CSP);
        }
        if (format == ViewFormat.TXT || format == ViewFormat.PDF) {
            r.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileStem.replaceAll("[^A-Za-z0-9._-]", "_")
                    + "." + format.extension() + "\"");
        }
        return r.build();
    }

    /** The CSP source expression of an inline element's text: 'sha256-' and the base64 of its UTF-8 SHA-256. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return "";
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
