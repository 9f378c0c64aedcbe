package org.declass.cable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.cableid.CableIds;
import org.declass.marking.ClassificationLevel;
import org.declass.search.QueryParser;
import org.declass.search.QueryProblem;
import org.declass.search.SearchDocument;
import org.declass.search.SearchEngine;
import org.declass.search.SearchQuery;
import org.declass.search.Snippets;
import org.declass.security.Classification;
import org.declass.security.Disclosure;
import org.declass.security.Reader;

/**
 * The staff list's full-text search: {@code q} in the query language ({@link QueryParser}) over the reference,
 * origin, subject, tags and every paragraph, portion by portion: a reader matches, counts and sees snippets of only
 * the portions the disclosure decision gives them. Level and origin filter in the index; state, errors, a finding
 * code and the reference or declassification orders filter the first {@link CableRepository#SEARCH_COUNT_CAP}
 * matches in the database (the total then says "1,000+" when there were more).
 */
@ApplicationScoped
public class CableSearch {

    /** Snippets shown per cable. */
    static final int HITS_PER_CABLE = 3;

    @Inject
    SearchEngine engine;

    @Inject
    CableRepository cables;

    @Inject
    Disclosure policy;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail auditTrail;

    /**
     * The query {@code q} as the search reads it: a typed cable id ("05 RIO 123") is that cable's reference;
     * anything else is the query language, and a {@link QueryProblem} (a 400) when it cannot be read.
     */
    public static SearchQuery.All parse(String q) {
        java.util.Optional<String> id = CableIds.canonical(q);
        if (id.isPresent()) {
            return new SearchQuery.All(List.of(new SearchQuery.Word(id.get())), List.of());
        }
        return QueryParser.parse(q);
    }

    /**
     * The ids of the cables {@code q} selects for this reader, newest first, at most {@code limit}: the same match
     * as the list's (portions the reader may read), without loading rows or taking snippets.
     */
    List<Long> ids(String q, Reader reader, int limit) {
        SearchEngine.Request request = new SearchEngine.Request(parse(q), policy.audience(reader), List.of(), null,
                null, SearchEngine.Order.NEWEST);
        return engine.search(CableSearchSource.INDEX, request, 0, limit).keys();
    }

    /** One page of the list for a query with {@code q}, each row with its hits. */
    CablePage page(CableQuery query, Reader reader, java.util.function.Function<Cable, CableSummary> summary) {
        SearchQuery.All text = parse(query.q());
        List<SearchDocument.Keyword> filters = new ArrayList<>();
        if (query.level() != null) {
            filters.add(new SearchDocument.Keyword("level", query.level().name()));
        }
        if (query.origin() != null) {
            filters.add(new SearchDocument.Keyword("origin", query.origin().toUpperCase(Locale.ROOT)));
        }
        boolean sqlOrder = "reference".equals(query.sort()) || "declass".equals(query.sort());
        boolean sqlFilter = query.state() != null || Boolean.TRUE.equals(query.hasErrors()) || query.rule() != null;
        SearchEngine.Order order = switch (query.sort()) {
            case "relevance" -> SearchEngine.Order.RELEVANCE;
            case "oldest" -> SearchEngine.Order.OLDEST;
            default -> SearchEngine.Order.NEWEST;
        };
        SearchEngine.Request request = new SearchEngine.Request(text, policy.audience(reader), filters, null, null,
                order);
        int from = query.page() * query.size();
        List<Long> ids;
        long total;
        boolean capped = false;
        if (!sqlOrder && !sqlFilter) {
            SearchEngine.Found found = engine.search(CableSearchSource.INDEX, request, from, query.size());
            ids = found.keys();
            total = found.total();
        } else {
            // at least to the end of the next page, so that a reader paging on always has a next page to go to
            int cap = Math.max(CableRepository.searchCountCap, from + 2 * query.size());
            SearchEngine.Found found = engine.search(CableSearchSource.INDEX, request, 0, cap);
            List<Long> kept = cables.keep(found.keys(), query, reader, sqlOrder);
            capped = found.total() > found.keys().size();
            total = kept.size();
            ids = kept.subList(Math.min(from, kept.size()), Math.min(from + query.size(), kept.size()));
        }
        List<Cable> rows = cables.inOrder(ids);
        Map<Long, List<CableSummary.Hit>> hits = hits(rows, text, reader);
        List<CableSummary> items = new ArrayList<>(rows.size());
        for (Cable c : rows) {
            items.add(summary.apply(c).withHits(hits.getOrDefault(c.getId(), List.of())));
        }
        return new CablePage(items, total, capped, query.page(), query.size());
    }

    /**
     * The snippets of each cable's paragraphs that the reader may read, at most {@link #HITS_PER_CABLE} each. A
     * snippet of a classified portion is a read of it: one PORTIONS_READ entry per cable names the portions shown.
     */
    private Map<Long, List<CableSummary.Hit>> hits(List<Cable> rows, SearchQuery.All text, Reader reader) {
        Map<Long, List<CableSummary.Hit>> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<Long> ids = rows.stream().map(Cable::getId).toList();
        Snippets.Finder finder = Snippets.of(text);
        List<Object[]> paragraphs = em.createQuery("select p.cable.id, p from Paragraph p where p.cable.id in :ids"
                + " order by p.cable.id, p.seq", Object[].class).setParameter("ids", ids).getResultList();
        Map<Long, List<String>> classifiedShown = new HashMap<>();
        for (Object[] row : paragraphs) {
            Paragraph p = (Paragraph) row[1];
            // the one disclosure decision: a snippet only from a portion the reader may read
            if (!policy.mayRead(reader, Classification.of(p.getEffectiveLevel(), p.isForeignRestricted()))) {
                continue;
            }
            List<CableSummary.Hit> found = out.computeIfAbsent((Long) row[0], k -> new ArrayList<>());
            if (found.size() >= HITS_PER_CABLE) {
                continue;
            }
            String snippet = finder.in(p.getText());
            if (snippet != null) {
                found.add(new CableSummary.Hit(p.getSeq(), p.getAddress(), snippet));
                if (p.getEffectiveLevel() != ClassificationLevel.UNCLASSIFIED) {
                    classifiedShown.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(p.getAddress());
                }
            }
        }
        List<AuditEvent> reads = new ArrayList<>();
        for (Cable c : rows) {
            List<String> shown = classifiedShown.get(c.getId());
            if (shown != null) {
                reads.add(AuditEvent.by(reader.username(), reader.roles(), AuditAction.PORTIONS_READ)
                        .cable(c.getId(), c.getReference())
                        .note("search snippets: portions " + String.join(",", shown)));
            }
        }
        auditTrail.recordAlone(reads);
        return out;
    }
}
