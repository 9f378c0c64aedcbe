package org.declass.release;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The public reading room: search released cables, read one at its permanent address. No sign-in. */
@Path("/reading-room")
@Produces(MediaType.TEXT_HTML)
public class ReadingRoomPages {

    static final int PAGE_SIZE = 20;

    @Inject
    ReadingRoom room;

    /** The filter values as typed, echoed into the form and the paging links. */
    public record Form(String q, String origin, String tag, String from, String to) {
        public String query(int page) {
            StringBuilder sb = new StringBuilder("?page=").append(page);
            append(sb, "q", q);
            append(sb, "origin", origin);
            append(sb, "tag", tag);
            append(sb, "from", from);
            append(sb, "to", to);
            return sb.toString();
        }

        public boolean any() {
            return !(blank(q) && blank(origin) && blank(tag) && blank(from) && blank(to));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static void append(StringBuilder sb, String name, String value) {
            if (!blank(value)) {
                sb.append('&').append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(ReleasePage page, Form form, List<String> origins);

        static native TemplateInstance cable(ReadingRoom.Released cable);
    }

    @GET
    public TemplateInstance index(@QueryParam("q") String q, @QueryParam("origin") String origin,
                                  @QueryParam("tag") String tag, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page) {
        return Templates.index(room.search(ReadingRoom.Filters.of(q, origin, tag, from, to), page, PAGE_SIZE),
                new Form(q, origin, tag, from, to), room.origins());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance cable(@PathParam("id") String id) {
        return Templates.cable(room.find(id));
    }
}
