package org.declass.cable;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.declass.cable.FindingsService.RuleCount;

/** The findings report page: counts per rule, each linking to the cables concerned. */
@Path("/findings")
@Produces(MediaType.TEXT_HTML)
public class FindingsPages {

    @Inject
    FindingsService findings;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(List<RuleCount> rows);
    }

    @GET
    public TemplateInstance report() {
        return Templates.report(findings.report());
    }
}
