package org.declass.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.declass.ingest.parser.ParseHints;
import org.declass.feedback.Flash;
import org.declass.feedback.FormProblem;
import org.declass.feedback.Notice;
import org.declass.feedback.Notice.Kind;
import org.declass.security.CurrentReader;
import org.declass.security.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The upload page: one cable as a file or pasted text, or a zip of .txt cables. */
@Path("/upload")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
public class IngestPages {

    @Inject
    Flash flash;

    @Inject
    FormProblem problem;

    @Inject
    IngestService ingest;

    @Inject
    CurrentReader reader;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String error, BulkReport report);

        static native TemplateInstance job(ImportJobs.Status job);
    }

    @Inject
    ImportJobs jobs;

    /** A running or finished zip upload: refreshes itself every second while it runs. */
    @GET
    @Path("/jobs/{id}")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance job(@jakarta.ws.rs.PathParam("id") String id) {
        return Templates.job(jobs.status(id, reader.get().username())
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no import " + id)));
    }

    @GET
    public TemplateInstance form() {
        return Templates.upload(null, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object upload(@RestForm("file") FileUpload file, @RestForm("text") String text,
                         @RestForm("reference") String reference, @RestForm("date") String date) {
        try {
            String actor = reader.get().username();
            if (file != null && file.size() > 0 && isZip(file)) {
                if (!reader.get().hasRole(Roles.ADMIN)) {
                    return Response.status(403).entity(Templates.upload("Only administrators may upload a zip.", null))
                            .build();
                }
                java.nio.file.Path copy = Files.createTempFile("declass-upload-", ".zip");
                Files.copy(file.uploadedFile(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                String job = jobs.start(copy, actor);
                return Response.seeOther(URI.create("/upload/jobs/" + job)).build();
            }
            byte[] bytes;
            if (file != null && file.size() > 0) {
                if (file.size() > TextInput.MAX_CABLE_BYTES) {
                    throw new IngestRejected(413, "the file is " + file.size() + " bytes, over the limit of "
                            + TextInput.MAX_CABLE_BYTES + " bytes for one cable");
                }
                bytes = Files.readAllBytes(file.uploadedFile());
            } else {
                bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
            }
            ParseHints hints = new ParseHints(reference == null || reference.isBlank() ? null : reference.trim(),
                    IngestResource.parseDate(date));
            IngestOutcome outcome = ingest.ingest(bytes, hints, actor);
            return flash.seeOther("/cables/" + outcome.cableId() + (outcome.created() ? "" : "?duplicate=true"),
                    outcome.created() ? Notice.of(Kind.UPLOADED, outcome.reference())
                            : Notice.of(Kind.DUPLICATE, outcome.cableId(), outcome.reference()));
        } catch (IngestRejected e) {
            keep(text, reference, date);
            return Response.status(e.status()).entity(Templates.upload(e.getMessage(), null)).build();
        } catch (IOException e) {
            keep(text, reference, date);
            return Response.status(400).entity(Templates.upload("The upload could not be read.", null)).build();
        }
    }

    /** A refused upload shows the form again with the pasted text, the reference and the date kept. */
    private void keep(String text, String reference, String date) {
        problem.refused("upload", 400, null, java.util.Map.of("text", text == null ? "" : text,
                "reference", reference == null ? "" : reference, "date", date == null ? "" : date));
    }

    private static boolean isZip(FileUpload file) {
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") || "application/zip".equals(file.contentType());
    }
}
