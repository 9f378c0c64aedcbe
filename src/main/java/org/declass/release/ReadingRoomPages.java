package org.declass.release;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.declass.security.CurrentReader;

/** The public reading room: search released cables, read one at its permanent address. No sign-in. */
@Path("/reading-room")
@Produces(MediaType.TEXT_HTML)
public class ReadingRoomPages {

    static final int PAGE_SIZE = 20;

    @Inject
    ReadingRoom room;

    @Inject
    CurrentReader reader;

    /** The filter values as typed, echoed into the form and the paging links. */
    public record Form(String q, String origin, String tag, String from, String to, String sort) {
        public String query(int page) {
            StringBuilder sb = new StringBuilder("?page=").append(page);
            append(sb, "q", q);
            append(sb, "origin", origin);
            append(sb, "tag", tag);
            append(sb, "from", from);
            append(sb, "to", to);
            append(sb, "sort", sort);
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
        static native TemplateInstance index(ReleasePage page, Form form, String originOptions);

        static native TemplateInstance cable(ReadingRoom.Released cable);

        /** The origin filter's datalist options; Qute escapes each origin. */
        static native TemplateInstance originOptions(List<String> origins);
    }

    /** Anonymous visitors get the page as rendered for the last anonymous visitor with the same query. */
    @GET
    public Object index(@QueryParam("q") String q, @QueryParam("origin") String origin,
                        @QueryParam("tag") String tag, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("sort") String sort,
                        @QueryParam("page") String pageText) {
        int page = ReadingRoom.paging(pageText, null, PAGE_SIZE).page();
        ReadingRoom.Filters filters = ReadingRoom.Filters.of(q, origin, tag, from, to, sort);
        Form form = new Form(q, origin, tag, from, to, sort);
        Supplier<TemplateInstance> render = () -> Templates.index(room.search(filters, page, PAGE_SIZE), form,
                room.originOptionsHtml(origins -> Templates.originOptions(origins).render()));
        if (!reader.get().anonymous()) {
            return render.get();
        }
        return room.anonymousPage("index" + form.query(page), () -> render.get().render());
    }

    @GET
    @Path("/{id}")
    public Object cable(@PathParam("id") String id) {
        ReadingRoom.Released cable = room.find(id);
        if (!reader.get().anonymous()) {
            return Templates.cable(cable);
        }
        return room.anonymousPage("cable" + cable.version().getId(), () -> Templates.cable(cable).render());
    }
}
