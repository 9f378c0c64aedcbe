package org.declass.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import org.declass.cable.CableTerms;
import org.declass.paging.PageRequest;
import org.declass.redaction.CableDocument;

/**
 * The public reading room: released cables only, searched through {@link ReleaseIndex} and read from their frozen
 * released versions. Answers are cached under the index generation (a release changes the generation, so no stale
 * list outlives the commit on this node) and expire after {@link #TTL_MILLIS} (for the other nodes of a cluster);
 * documents are cached under their released version id, which never changes content.
 */
@ApplicationScoped
public class ReadingRoom {

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY = 200;
    static final long TTL_MILLIS = 10_000;
    /** The origin list scans release_listing: kept for minutes whatever is released meanwhile. */
    static final long ORIGINS_TTL_MILLIS = 300_000;
    static final int MAX_CACHED = 2_000;
    static final int MIN_DAY = -1_000_000;
    static final int MAX_DAY = 1_000_000;

    @Inject
    ReleaseIndex index;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    CableRendering rendering;

    @Inject
    DocumentViews views;

    @Inject
    org.declass.search.SearchEngine search;

    private record Cached<T>(long generation, long at, T value) {
    }

    private final Map<String, Cached<Object>> answers = new ConcurrentHashMap<>();
    private final Map<Long, Released> documents = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Released> eldest) {
                    return size() > 500;
                }
            });

    /** A released cable: its frozen version and public document, with the renditions made so far. */
    public static final class Released {
        private final ReleasedVersion version;
        private final CableDocument document;
        private volatile byte[] pdf;

        Released(ReleasedVersion version, CableDocument document) {
            this.version = version;
            this.document = document;
        }

        public ReleasedVersion version() {
            return version;
        }

        public CableDocument document() {
            return document;
        }
    }

    /** The reading room's filters, checked; every parameter it cannot read is named in a 400. */
    public record Filters(String q, String origin, String tag, LocalDate from, LocalDate to, String sort,
                          org.declass.search.SearchQuery.All text) {

        public static Filters of(String q, String origin, String tag, String from, String to) {
            return of(q, origin, tag, from, to, null);
        }

        /** @param sort "date" (newest first, the default) or "relevance" (for a query with words) */
        public static Filters of(String q, String origin, String tag, String from, String to, String sort) {
            if (q != null && q.length() > MAX_QUERY) {
                throw new BadRequestException("q is too long: at most " + MAX_QUERY + " characters");
            }
            LocalDate f = date("from", from);
            LocalDate t = date("to", to);
            if (f != null && t != null && t.isBefore(f)) {
                throw new BadRequestException("to (" + t + ") is before from (" + f + ")");
            }
            String s = blankToNull(sort);
            if (s != null && !s.equals("date") && !s.equals("relevance")) {
                throw new BadRequestException("sort must be one of date, relevance");
            }
            org.declass.search.SearchQuery.All text = null;
            if (blankToNull(q) != null) {
                try {
                    text = org.declass.search.QueryParser.parse(q.trim());
                } catch (org.declass.search.QueryProblem e) {
                    throw new BadRequestException(e.getMessage());
                }
            }
            return new Filters(blankToNull(q), blankToNull(origin), blankToNull(tag), f, t, s == null ? "date" : s,
                    text);
        }

        List<String> terms() {
            List<String> terms = new ArrayList<>(CableTerms.tokens(q));
            if (origin != null) {
                terms.add(ReleaseIndex.originTerm(origin));
            }
            if (tag != null) {
                terms.add(ReleaseIndex.tagTerm(tag));
            }
            return terms;
        }

        String key() {
            return String.join("\u0000", String.valueOf(q), String.valueOf(origin), String.valueOf(tag),
                    String.valueOf(from), String.valueOf(to), sort);
        }

        private static LocalDate date(String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new BadRequestException(name + " must be a date written YYYY-MM-DD");
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    /**
     * The reading room's paging parameters as written in the URL: page from 0, size 1 to {@link #MAX_SIZE}, at most
     * {@link ReleaseIndex#COUNT_CAP} results deep; anything else is a 400 naming the parameter.
     */
    public static PageRequest paging(String page, String size, int defaultSize) {
        return PageRequest.of(page, size, defaultSize, MAX_SIZE, ReleaseIndex.COUNT_CAP);
    }

    public ReleasePage search(Filters filters, int page, int size) {
        PageRequest.within(page, size, MAX_SIZE, ReleaseIndex.COUNT_CAP); // a 400 naming page or size
        if (filters.text() != null) {
            return cached("text\u0000" + filters.key() + "\u0000" + page + "\u0000" + size,
                    () -> textSearch(filters, page, size));
        }
        return cached("search\u0000" + filters.key() + "\u0000" + page + "\u0000" + size, () -> {
            ReleaseIndex.Hits hits = index.search(new ReleaseIndex.Query(filters.terms(),
                    filters.from() == null ? MIN_DAY : ReleaseIndex.day(filters.from()),
                    filters.to() == null ? MAX_DAY : ReleaseIndex.day(filters.to())), page * size, size);
            return new ReleasePage(summaries(hits.cableIds()), hits.total(), hits.capped(), page, size);
        });
    }

    /**
     * A search with words, in the query language, over the released texts only (search.SearchEngine's "released"
     * index), by date or relevance, each result with snippets of its released text.
     */
    private ReleasePage textSearch(Filters filters, int page, int size) {
        List<org.declass.search.SearchDocument.Keyword> keywords = new ArrayList<>();
        if (filters.origin() != null) {
            keywords.add(new org.declass.search.SearchDocument.Keyword("origin", ReleaseIndex.originTerm(filters.origin())));
        }
        if (filters.tag() != null) {
            keywords.add(new org.declass.search.SearchDocument.Keyword("tag", ReleaseIndex.tagTerm(filters.tag())));
        }
        org.declass.search.SearchEngine.Found found = search.search(ReleasedSearchSource.INDEX,
                new org.declass.search.SearchEngine.Request(filters.text(), null, keywords,
                        filters.from() == null ? null : ReleaseIndex.day(filters.from()),
                        filters.to() == null ? null : ReleaseIndex.day(filters.to()),
                        "relevance".equals(filters.sort()) ? org.declass.search.SearchEngine.Order.RELEVANCE
                                : org.declass.search.SearchEngine.Order.NEWEST), page * size, size);
        List<ReleaseSummary> items = new ArrayList<>();
        Map<Long, String> texts = releasedTexts(found.keys());
        org.declass.search.Snippets.Finder finder = org.declass.search.Snippets.of(filters.text());
        for (ReleaseSummary s : summaries(found.keys())) {
            List<ReleaseSummary.Hit> hits = new ArrayList<>();
            List<String> paragraphs = ReleasedSearchSource.paragraphs(texts.get(s.id()));
            for (int i = 0; i < paragraphs.size() && hits.size() < 3; i++) {
                String snippet = finder.in(paragraphs.get(i));
                if (snippet != null) {
                    hits.add(new ReleaseSummary.Hit(i + 1, snippet));
                }
            }
            items.add(s.withHits(hits));
        }
        long total = found.total();
        return new ReleasePage(items, (int) Math.min(total, ReleaseIndex.COUNT_CAP), total > ReleaseIndex.COUNT_CAP,
                page, size);
    }

    /** The released texts of these cables' latest released versions (never the stored cable's text). */
    private Map<Long, String> releasedTexts(List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT l.cable_id, v.released_text FROM release_listing l"
                     + " JOIN released_version v ON v.id = l.version_id WHERE l.cable_id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reading room: " + e.getMessage(), e);
        }
        return out;
    }

    /** The posts that released cables come from, for the filter list. */
    @SuppressWarnings("unchecked")
    public List<String> origins() {
        return cachedFor("origins", ORIGINS_TTL_MILLIS, () -> {
            List<String> out = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT DISTINCT origin FROM release_listing"
                         + " WHERE origin IS NOT NULL ORDER BY origin FETCH FIRST 500 ROWS ONLY");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot list the reading room's origins: " + e.getMessage(), e);
            }
            return List.copyOf(out);
        });
    }

    /**
     * A page rendered for anonymous visitors, kept like every other answer: under the index generation, for
     * {@link #TTL_MILLIS}. Pages for signed-in readers carry their name in the menu and are not kept.
     */
    public String anonymousPage(String key, Supplier<String> render) {
        return cached("page\u0000" + key, render);
    }

    /**
     * The origins as the options of an HTML datalist, rendered (and escaped) by the given template once per index
     * generation: the filter list of the reading room page without a template loop over hundreds of posts on every
     * request.
     */
    public String originOptionsHtml(Function<List<String>, String> render) {
        return cachedFor("origins-html", ORIGINS_TTL_MILLIS, () -> render.apply(origins()));
    }

    /**
     * The latest released version of a cable, by the cable id as written in a URL.
     *
     * @throws ReleaseNotFound for an id that is not a number, unknown, or not released: one answer for all three
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Released find(String idText) {
        long id;
        try {
            id = Long.parseLong(idText == null ? "" : idText.trim());
        } catch (NumberFormatException e) {
            throw new ReleaseNotFound();
        }
        Long versionId = cached("version\u0000" + id, () -> versionOf(id));
        if (versionId == null) {
            throw new ReleaseNotFound();
        }
        Released r = documents.get(versionId);
        if (r == null) {
            ReleasedVersion v = em.find(ReleasedVersion.class, versionId);
            if (v == null) {
                throw new ReleaseNotFound();
            }
            r = new Released(v, rendering.document(v));
            documents.put(versionId, r);
        }
        return r;
    }

    /** The released version's PDF, made once per version. */
    public byte[] pdf(Released r) {
        byte[] pdf = r.pdf;
        if (pdf == null) {
            pdf = views.pdf(r.document);
            r.pdf = pdf;
        }
        return pdf;
    }

    private Long versionOf(long cableId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT version_id FROM release_listing WHERE cable_id = ?")) {
            ps.setLong(1, cableId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reading room: " + e.getMessage(), e);
        }
    }

    private List<ReleaseSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ReleaseSummary> byId = new HashMap<>();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT cable_id, reference, origin, cable_date, subject, tags,"
                     + " former_banner, released_at, version_no FROM release_listing WHERE cable_id IN (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String tags = rs.getString(6);
                    byId.put(rs.getLong(1), new ReleaseSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5),
                            tags == null ? List.of() : Arrays.asList(tags.split(",")), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), rs.getInt(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reading room: " + e.getMessage(), e);
        }
        List<ReleaseSummary> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            ReleaseSummary s = byId.get(id);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T> T cachedFor(String key, long ttl, Supplier<T> compute) {
        long now = System.currentTimeMillis();
        Cached<Object> hit = answers.get(key);
        if (hit != null && now - hit.at() < ttl) {
            return (T) hit.value();
        }
        T value = compute.get();
        answers.put(key, new Cached<>(-1, now, value));
        return value;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> compute) {
        long gen = index.generation();
        long now = System.currentTimeMillis();
        Cached<Object> hit = answers.get(key);
        if (hit != null && hit.generation() == gen && now - hit.at() < TTL_MILLIS) {
            return (T) hit.value();
        }
        T value = compute.get();
        if (answers.size() >= MAX_CACHED) {
            answers.clear();
        }
        answers.put(key, new Cached<>(gen, now, value));
        return value;
    }
}
