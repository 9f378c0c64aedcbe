package org.declass.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.declass.security.Disclosure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded Apache Lucene indexes, one per {@link DocumentSource}, each in {@code <data-dir>/search/<index>} (or in
 * memory). An index is a cache of the database: it is rebuilt at start when missing, of another format, or holding
 * another number of documents than its source, and it follows the {@code search_change} rows every instance writes
 * in the transactions that change documents (see docs/decisions/0006-full-text-search.md).
 * <p>
 * Portion by portion: a cable becomes one Lucene document per distinct set of portions some class of readers may
 * read ({@link Disclosure#audiences}); each document carries the classes it serves, and a search asks for the
 * reader's class ({@link Disclosure#audience}) only, so a word in a portion the reader may not read matches nothing
 * and counts nowhere.
 */
@ApplicationScoped
public class SearchEngine {

    /** Changed when the documents' fields change: an index of another format is rebuilt at start. */
    static final String FORMAT = "declass-search-1";
    /** A change row older than this is settled: any transaction that wrote a row below it has ended. */
    static final int SETTLE_SECONDS = 60;
    /** Change rows are deleted after this many hours; an index older than that is rebuilt at start. */
    static final int KEEP_HOURS = 24;
    /** Another search within this many milliseconds shares the previous catch-up. */
    static final long POLL_MILLIS = 200;
    /** A catch-up with more documents than this lets searches go on with the index as it is meanwhile. */
    static final int BUSY_KEYS = 2_000;
    /** Change rows read per query of a catch-up. */
    static final int PAGE = 5_000;

    static final String KEY = "key";
    static final String KEY_TERM = "keyterm";
    static final String AUDIENCE = "aud";
    static final String TEXT = "text";
    static final String DAY = "day";
    static final String DAY_POINT = "daypoint";
    static final String PRIMARY = "primary";

    /** Set by {@link SearchChanges} on this instance: the next searches catch up at once. */
    private static volatile long localChangeAt = Long.MIN_VALUE / 2;

    static void localChange() {
        localChangeAt = System.nanoTime();
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Disclosure disclosure;

    @Inject
    Instance<DocumentSource> sources;

    /** A directory path, or "memory" (tests); unset: {@code <declass.data-dir>/search}. */
    @ConfigProperty(name = "declass.search.directory")
    java.util.Optional<String> directory;

    /** How often every index catches up with the other instances' changes and commits. */
    @ConfigProperty(name = "declass.search.poll", defaultValue = "2s")
    java.time.Duration pollEvery;

    /**
     * The catch-up thread of this instance. Not a {@code @Scheduled} job: on PostgreSQL the Quartz scheduler is
     * clustered and would run it on one instance only, while every instance must follow the changes.
     */
    private java.util.concurrent.ScheduledExecutorService poller;

    @ConfigProperty(name = "declass.data-dir", defaultValue = "./data")
    String dataDir;

    private final Map<String, Index> indexes = new ConcurrentHashMap<>();

    /** The order of a result list. */
    public enum Order { RELEVANCE, NEWEST, OLDEST }

    /** A page of keys in order, and how many documents match in all (exact). */
    public record Found(List<Long> keys, long total) {
    }

    /** One query: the parsed text (or null: every document), the reader's class (null: public), filters. */
    public record Request(SearchQuery.All text, String audience, List<SearchDocument.Keyword> filters,
                          Integer fromDay, Integer toDay, Order order) {
    }

    void start(@Observes @Priority(2500) StartupEvent event) {
        for (DocumentSource s : sources) {
            Index index = open(s);
            indexes.put(s.index(), index);
            index.catchUp(true);
        }
        poller = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-catch-up");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, pollEvery.toMillis());
        poller.scheduleWithFixedDelay(this::poll, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(this::prune, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
        for (Index i : indexes.values()) {
            i.close();
        }
    }

    /** Catches up with other instances' changes and commits, so that a restart replays little. */
    void poll() {
        for (Index i : indexes.values()) {
            try {
                i.catchUp(false, true);
                i.commit();
            } catch (RuntimeException e) {
                Log.warnf("search: index %s did not catch up (%s); it will try again", i.source.index(),
                        e.getMessage());
            }
        }
    }

    /** Deletes change rows every instance has had time to apply (an instance down longer rebuilds at start). */
    void prune() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement del = c.prepareStatement("DELETE FROM search_change WHERE created_at < ?")) {
            del.setObject(1, java.time.OffsetDateTime.now().minusHours(KEEP_HOURS));
            del.executeUpdate();
        } catch (SQLException e) {
            Log.warnf("search: old change rows not deleted (%s)", e.getMessage());
        }
    }

    /** Searches one index, after catching up with the changes committed so far. */
    public Found search(String index, Request r, int offset, int limit) {
        Index i = index(index);
        Query q = query(i, r);
        if (q == null) {
            return new Found(List.of(), 0);
        }
        return i.search(q, r.order(), offset, limit);
    }

    /** Rebuilds an index now (the operator's command after a restore; tests). */
    public void rebuild(String index) {
        index(index).rebuild();
    }

    private Index index(String name) {
        Index i = indexes.get(name);
        if (i == null) {
            throw new IllegalStateException("no search index " + name);
        }
        return i;
    }

    private Query query(Index i, Request r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (i.source.portionAware()) {
            if (r.audience() == null) {
                return null; // anonymous: reads nothing unreleased
            }
            b.add(new TermQuery(new Term(AUDIENCE, r.audience())), Occur.FILTER);
        } else {
            b.add(new TermQuery(new Term(PRIMARY, "1")), Occur.FILTER);
        }
        if (r.text() != null) {
            b.add(LuceneQueries.of(r.text(), TEXT), Occur.MUST);
        }
        for (SearchDocument.Keyword k : r.filters()) {
            b.add(new TermQuery(new Term(k.field(), k.value().toLowerCase(Locale.ROOT))), Occur.FILTER);
        }
        if (r.fromDay() != null || r.toDay() != null) {
            b.add(IntPoint.newRangeQuery(DAY_POINT, r.fromDay() == null ? Integer.MIN_VALUE : r.fromDay(),
                    r.toDay() == null ? Integer.MAX_VALUE : r.toDay()), Occur.FILTER);
        }
        return b.build();
    }

    private Index open(DocumentSource s) {
        try {
            Directory dir;
            String configured = directory.orElse("").trim();
            if ("memory".equals(configured)) {
                dir = new ByteBuffersDirectory();
            } else {
                Path root = configured.isEmpty() ? Path.of(dataDir, "search") : Path.of(configured);
                Path path = root.resolve(s.index());
                Files.createDirectories(path);
                dir = FSDirectory.open(path);
            }
            return new Index(s, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index " + s.index(), e);
        }
    }

    /** The Lucene documents of one source document: one per distinct set of portions some readers may read. */
    List<Document> documents(DocumentSource source, SearchDocument d) {
        Map<Set<Integer>, List<String>> views = new java.util.LinkedHashMap<>();
        if (source.portionAware()) {
            List<List<String>> readers = new ArrayList<>();
            for (SearchDocument.Portion p : d.portions()) {
                readers.add(disclosure.audiences(p.classification()));
            }
            for (String audience : disclosure.allAudiences()) {
                Set<Integer> readable = new TreeSet<>();
                for (int k = 0; k < readers.size(); k++) {
                    if (readers.get(k).contains(audience)) {
                        readable.add(k);
                    }
                }
                if (!readable.isEmpty()) {
                    views.computeIfAbsent(readable, x -> new ArrayList<>()).add(audience);
                }
            }
        } else {
            Set<Integer> all = new TreeSet<>();
            for (int k = 0; k < d.portions().size(); k++) {
                all.add(k);
            }
            views.put(all, List.of());
        }
        List<Document> out = new ArrayList<>();
        boolean primary = true;
        for (Map.Entry<Set<Integer>, List<String>> v : views.entrySet()) {
            Document doc = new Document();
            doc.add(new StringField(KEY_TERM, Long.toString(d.key()), Field.Store.NO));
            doc.add(new NumericDocValuesField(KEY, d.key()));
            doc.add(new NumericDocValuesField(DAY, d.day()));
            doc.add(new IntPoint(DAY_POINT, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d.day()))));
            if (primary) {
                doc.add(new StringField(PRIMARY, "1", Field.Store.NO));
                primary = false;
            }
            for (String a : v.getValue()) {
                doc.add(new StringField(AUDIENCE, a, Field.Store.NO));
            }
            for (SearchDocument.Keyword k : d.keywords()) {
                doc.add(new StringField(k.field(), k.value().toLowerCase(Locale.ROOT), Field.Store.NO));
            }
            for (Integer k : v.getKey()) {
                String text = d.portions().get(k).text();
                if (text != null && !text.isBlank()) {
                    doc.add(new TextField(TEXT, text, Field.Store.NO));
                }
            }
            out.add(doc);
        }
        return out;
    }

    /** One index: its writer and searchers, and how far it has followed the change rows. */
    final class Index {
        final DocumentSource source;
        final Directory dir;
        final IndexWriter writer;
        final SearcherManager searchers;
        final ReentrantLock lock = new ReentrantLock();
        /** Every change row up to here is applied; rows above it that were applied are in {@link #applied}. */
        long lowWater;
        long committedLowWater = -1;
        /** Committed at least hourly, so that an index younger than the kept change rows is never rebuilt. */
        long committedAtMillis;
        final Set<Long> applied = new java.util.HashSet<>();
        /** The highest change row read so far. */
        long seenMax;
        volatile long lastPoll = Long.MIN_VALUE / 2;
        /** A rebuild or a long catch-up (a bulk import's cables) runs: searches read the index as it is meanwhile. */
        volatile boolean busy;

        Index(DocumentSource source, Directory dir) throws IOException {
            this.source = source;
            this.dir = dir;
            IndexWriterConfig config = new IndexWriterConfig(Tokens.ANALYZER);
            config.setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(dir, config);
            this.searchers = new SearcherManager(writer, null);
        }

        Found search(Query q, Order order, int offset, int limit) {
            catchUp(false);
            try {
                IndexSearcher s = searchers.acquire();
                try {
                    int n = offset + limit;
                    TopDocs top = switch (order) {
                        case RELEVANCE -> s.search(q, Math.max(1, n));
                        case NEWEST -> s.search(q, Math.max(1, n), new Sort(new SortField(DAY, SortField.Type.LONG,
                                true), new SortField(KEY, SortField.Type.LONG, true)));
                        case OLDEST -> s.search(q, Math.max(1, n), new Sort(new SortField(DAY, SortField.Type.LONG),
                                new SortField(KEY, SortField.Type.LONG)));
                    };
                    List<Long> keys = new ArrayList<>();
                    ScoreDoc[] docs = top.scoreDocs;
                    for (int k = offset; k < docs.length; k++) {
                        keys.add(key(s, docs[k].doc));
                    }
                    long total = top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                            ? top.totalHits.value : s.count(q);
                    return new Found(keys, total);
                } finally {
                    searchers.release(s);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("search failed in index " + source.index(), e);
            }
        }

        private long key(IndexSearcher s, int doc) throws IOException {
            var leaves = s.getIndexReader().leaves();
            var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
            NumericDocValues keys = leaf.reader().getNumericDocValues(KEY);
            keys.advanceExact(doc - leaf.docBase);
            return keys.longValue();
        }

        void catchUp(boolean atStart) {
            catchUp(atStart, atStart);
        }

        /**
         * Applies the change rows committed since the last catch-up (at start: rebuilds when due). {@code window}:
         * also the rows above the low-water mark read before, since one of them may have committed after a higher one
         * was read (the periodic catch-up, and every catch-up for 5 s after a change on this instance); otherwise
         * only rows above the highest read so far (a search's catch-up stays one short query).
         */
        void catchUp(boolean atStart, boolean window) {
            long now = System.nanoTime();
            boolean local = now - localChangeAt < 5_000_000_000L;
            if (!atStart && !window && !local && now - lastPoll < POLL_MILLIS * 1_000_000) {
                return;
            }
            boolean full = window || local;
            if (busy && !lock.isHeldByCurrentThread()) {
                return; // searches read the index as it is until the rebuild or long catch-up ends
            }
            lock.lock();
            try {
                lastPoll = System.nanoTime();
                if (atStart && rebuildDue()) {
                    rebuild();
                    return;
                }
                List<long[]> rows = new ArrayList<>();
                try (Connection c = dataSource.getConnection();
                     PreparedStatement ps = c.prepareStatement("SELECT id, doc_key, CASE WHEN created_at < CURRENT_TIMESTAMP"
                             + " - INTERVAL '" + SETTLE_SECONDS + "' SECOND THEN 1 ELSE 0 END FROM search_change"
                             + " WHERE index_name = ? AND id > ? ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY")) {
                    long cursor = full ? lowWater : Math.max(lowWater, seenMax);
                    while (true) {
                        ps.setString(1, source.index());
                        ps.setLong(2, cursor);
                        int read = 0;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                long key = rs.getLong(2);
                                rows.add(new long[] {rs.getLong(1), rs.wasNull() ? -1 : key, rs.getInt(3)});
                                cursor = rs.getLong(1);
                                read++;
                            }
                        }
                        if (read < PAGE) {
                            break;
                        }
                    }
                }
                Set<Long> keys = new LinkedHashSet<>();
                boolean rebuild = false;
                for (long[] r : rows) {
                    if (!applied.contains(r[0])) {
                        if (r[1] < 0) {
                            rebuild = true;
                        } else {
                            keys.add(r[1]);
                        }
                    }
                }
                if (rebuild) {
                    rebuild();
                    return;
                }
                if (keys.size() > BUSY_KEYS) {
                    busy = true; // other searches do not wait for it
                    try {
                        apply(new ArrayList<>(keys));
                    } finally {
                        busy = false;
                    }
                } else if (!keys.isEmpty()) {
                    apply(new ArrayList<>(keys));
                }
                for (long[] r : rows) {
                    applied.add(r[0]);
                    seenMax = Math.max(seenMax, r[0]);
                }
                // the low-water mark moves over settled rows only: a row above it may still be committed later
                for (long[] r : rows) {
                    if (r[2] == 1 && r[0] > lowWater) {
                        lowWater = r[0];
                    } else {
                        break;
                    }
                }
                applied.removeIf(id -> id <= lowWater);
            } catch (SQLException | IOException e) {
                Log.warnf("search: index %s did not catch up (%s); it will try again", source.index(), e.getMessage());
            } finally {
                lock.unlock();
            }
        }

        private void apply(List<Long> keys) throws IOException {
            for (int from = 0; from < keys.size(); from += 500) {
                List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
                Map<Long, SearchDocument> docs = new HashMap<>();
                for (SearchDocument d : source.load(chunk)) {
                    docs.put(d.key(), d);
                }
                for (Long k : chunk) {
                    SearchDocument d = docs.get(k);
                    Term key = new Term(KEY_TERM, Long.toString(k));
                    if (d == null) {
                        writer.deleteDocuments(key);
                    } else {
                        writer.updateDocuments(key, documents(source, d));
                    }
                }
            }
            searchers.maybeRefreshBlocking();
        }

        private boolean rebuildDue() throws IOException, SQLException {
            Map<String, String> data = committedData();
            if (!FORMAT.equals(data.get("format"))) {
                return true;
            }
            long committedAt = Long.parseLong(data.getOrDefault("committedAt", "0"));
            if (System.currentTimeMillis() - committedAt > (KEEP_HOURS - 1) * 3_600_000L) {
                return true; // the change rows it would need may be deleted
            }
            lowWater = Long.parseLong(data.getOrDefault("lowWater", "0"));
            long held;
            IndexSearcher s = searchers.acquire();
            try {
                held = s.count(new TermQuery(new Term(PRIMARY, "1")));
            } finally {
                searchers.release(s);
            }
            return held != source.count() || lowWater > maxChangeId();
        }

        private Map<String, String> committedData() throws IOException {
            Map<String, String> out = new HashMap<>();
            if (!DirectoryReader.indexExists(dir) || writer.getLiveCommitData() == null) {
                return out;
            }
            for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        }

        private long maxChangeId() throws SQLException {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM search_change")) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        /** Every document again, from the source; then the change rows written meanwhile. */
        void rebuild() {
            lock.lock();
            busy = true;
            try {
                long started = System.nanoTime();
                long settled;
                try (Connection c = dataSource.getConnection();
                     PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM search_change"
                             + " WHERE index_name = ? AND created_at < CURRENT_TIMESTAMP - INTERVAL '"
                             + SETTLE_SECONDS + "' SECOND")) {
                    ps.setString(1, source.index());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        settled = rs.getLong(1);
                    }
                }
                // the rows above it that are visible now belong to committed transactions, whose changes the
                // rebuild reads: applied already (only rows committed later are read again afterwards)
                Set<Long> visible = new java.util.HashSet<>();
                long visibleMax = settled;
                try (Connection c = dataSource.getConnection();
                     PreparedStatement ps = c.prepareStatement("SELECT id FROM search_change WHERE index_name = ?"
                             + " AND id > ?")) {
                    ps.setString(1, source.index());
                    ps.setLong(2, settled);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            visible.add(rs.getLong(1));
                            visibleMax = Math.max(visibleMax, rs.getLong(1));
                        }
                    }
                }
                writer.deleteAll();
                long cursor = Long.MIN_VALUE;
                long n = 0;
                while (true) {
                    List<Long> keys = source.keysAfter(cursor, 1000);
                    if (keys.isEmpty()) {
                        break;
                    }
                    for (SearchDocument d : source.load(keys)) {
                        writer.addDocuments(documents(source, d));
                        n++;
                    }
                    cursor = keys.get(keys.size() - 1);
                }
                lowWater = settled;
                seenMax = visibleMax;
                applied.clear();
                applied.addAll(visible);
                commit();
                searchers.maybeRefreshBlocking();
                Log.infof("search: index %s rebuilt, %d documents in %d ms", source.index(), n,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot rebuild the search index " + source.index() + ": "
                        + e.getMessage(), e);
            } finally {
                busy = false;
                lock.unlock();
            }
            // the rows written while rebuilding, and the unsettled ones before it
            localChange();
            catchUp(false);
        }

        /** Commits what was applied, with how far the change rows were followed; nothing when nothing changed. */
        void commit() {
            lock.lock();
            try {
                if (!writer.hasUncommittedChanges() && lowWater == committedLowWater
                        && System.currentTimeMillis() - committedAtMillis < 3_600_000L) {
                    return;
                }
                writer.setLiveCommitData(Map.of("format", FORMAT, "lowWater", Long.toString(lowWater),
                        "committedAt", Long.toString(System.currentTimeMillis())).entrySet());
                writer.commit();
                committedLowWater = lowWater;
                committedAtMillis = System.currentTimeMillis();
            } catch (IOException e) {
                Log.warnf("search: index %s not committed (%s)", source.index(), e.getMessage());
            } finally {
                lock.unlock();
            }
        }

        void close() {
            try {
                commit();
                searchers.close();
                writer.close();
                dir.close();
            } catch (IOException e) {
                Log.warnf("search: index %s not closed cleanly (%s)", source.index(), e.getMessage());
            }
        }
    }
}
