package org.declass.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.cable.Cable;
import org.declass.cable.CableFinding;
import org.declass.cable.CableTerms;
import org.declass.cable.GeneratedKeys;
import org.declass.cable.Paragraph;
import org.declass.cable.SearchIndex;
import org.declass.cable.WorkflowState;
import org.declass.ingest.parser.CableParser;
import org.declass.ingest.parser.ParseHints;
import org.declass.ingest.parser.ParseResult;
import org.declass.ingest.parser.ParsedCable;
import org.declass.marking.Finding;
import org.declass.marking.Marking;
import org.declass.metrics.ImportMeters;
import org.declass.security.PrivateFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fast bulk import: a bounded pipeline, so memory stays constant whatever the size of the source.
 * <ol>
 * <li>one reader thread streams the source's items into a bounded queue;</li>
 * <li>parser threads check the bytes, skip what is already stored (by sha256) and parse, in parallel;</li>
 * <li>one writer stores batches of cables, each batch in one JDBC transaction with batched inserts into cable,
 * cable_text, paragraph, cable_finding, cable_term and the CABLE_INGESTED audit entries
 * ({@link AuditTrail#recordAll}): a cable is stored whole with its audit entry, or not at all.</li>
 * </ol>
 * Resumable: run it again on the same source and it stores only what is missing. A failure goes to quarantine
 * ({@code <data-dir>/quarantine/<time>/}: a copy of the input and a .reason file) and never stops the import.
 */
@ApplicationScoped
public class BulkImporter {

    public static final int MAX_LISTED_FAILURES = 1_000;
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final Object END = new Object();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail auditTrail;

    @Inject
    IngestService ingestService;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    DeferredIndexes deferredIndexes;

    @Inject
    ImportMeters meters;

    /** auto, always or never: whether a command-line import on H2 builds the secondary indexes after its rows. */
    @Inject
    ImportConfig config;

    @ConfigProperty(name = "declass.data-dir")
    String dataDir;


    private final CableParser parser = new CableParser();

    /** How a run is told about each outcome (for the per-file report of an upload). */
    public interface Listener {
        void item(BulkReport.Item item);
    }

    /**
     * Options of one run. stopAfterBatches simulates a kill after that many committed batches (tests).
     * deferIndexes: given when the run owns the database (the command-line import), which may then build the
     * secondary indexes after its rows ({@link DeferredIndexes}); null for an upload into the running server, which
     * never touches them.
     */
    public record Options(String actor, String actorRoles, Progress progress, Listener listener,
                          int stopAfterBatches, DeferredIndexes.Mode deferIndexes) {
        public Options(String actor, String actorRoles, Progress progress, Listener listener, int stopAfterBatches) {
            this(actor, actorRoles, progress, listener, stopAfterBatches, null);
        }

        public static Options of(String actor, Progress progress) {
            return new Options(actor, "ADMIN", progress, null, 0);
        }
    }

    private record Prepared(String name, byte[] bytes, String text, String sha, ParsedCable parsed, Cable cable,
                            String headerJson, String markingJson, List<CableTerms.Term> terms) {
    }

    private record Failed(String name, byte[] bytes, int status, String reason, String kind) {
    }

    private record Duplicate(String name, String sha) {
    }

    /** Runs one import to the end (or to a fatal error of the source, which is thrown after cleanup). */
    public ImportSummary run(ImportSource source, Options options) {
        long started = System.nanoTime();
        Run run = new Run(source, options);
        meters.started();
        try {
            return run.execute(started);
        } finally {
            run.stop.set(true);
            meters.finished(System.nanoTime() - started);
        }
    }

    private final class Run {
        final ImportSource source;
        final Options options;
        final AtomicBoolean stop = new AtomicBoolean();
        final BlockingQueue<Object> inQueue;
        final BlockingQueue<Object> outQueue;
        final Set<String> storedSha = ConcurrentHashMap.newKeySet();
        final Set<String> storedRef = new HashSet<>();
        final AtomicLong read = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final Map<String, Long> byReason = new TreeMap<>();
        final List<ImportSummary.Failure> failures = Collections.synchronizedList(new ArrayList<>());
        final Path quarantine;
        final AtomicInteger quarantined = new AtomicInteger();
        volatile RuntimeException fatal;
        int batches;
        long estimate;
        boolean deferred;

        Run(ImportSource source, Options options) {
            this.source = source;
            this.options = options;
            // parsed cables waiting for the writer: one batch is enough to start the next flush at once; every
            // queued cable (text, paragraphs, entity) is live young data that each garbage collection copies
            this.inQueue = new ArrayBlockingQueue<>(64);
            this.outQueue = new ArrayBlockingQueue<>(Math.max(64, config.batchSize()));
            this.quarantine = Path.of(dataDir, "quarantine", RUN.format(clock.instant()));
        }

        ImportSummary execute(long started) {
            rememberHighestId();
            loadStored();
            estimate = source.estimate();
            deferred = deferIndexes();
            int workers = config.parserThreads();
            Thread reader = new Thread(this::readAll, "import-reader");
            reader.setDaemon(true);
            List<Thread> parsers = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Thread t = new Thread(this::parseAll, "import-parser-" + i);
                t.setDaemon(true);
                parsers.add(t);
            }
            reader.start();
            parsers.forEach(Thread::start);
            try {
                writeAll(workers);
                reader.join();
                for (Thread t : parsers) {
                    t.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            }
            if (options.progress() != null) {
                options.progress().finish();
            }
            boolean killed = options.stopAfterBatches() > 0 && batches >= options.stopAfterBatches();
            if (deferred && !killed) {
                // also after a fatal error of the source: what was stored is searched at the next start
                rebuildIndexes();
            }
            if (created.get() > 0) {
                searchChanged();
            }
            if (fatal != null) {
                throw fatal;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            ImportSummary summary = new ImportSummary(source.describe(), read.get(), created.get(), duplicates.get(),
                    failed.get(), skipped.get(), seconds, created.get() / Math.max(seconds, 1e-9),
                    killed,
                    quarantined.get() > 0 ? quarantine.toString() : null, new TreeMap<>(byReason),
                    List.copyOf(failures));
            writeReport(summary);
            return summary;
        }

        /**
         * The cables were written without the full-text index: one change row for each cable stored by this run (ids
         * above the highest before it), which every instance's index then follows (see docs/search.md).
         */
        void searchChanged() {
            try (Connection c = dataSource.getConnection()) {
                int n = org.declass.search.SearchChanges.changedSelected(c, org.declass.cable.CableSearchSource.INDEX,
                        "SELECT id FROM cable WHERE id > ?", highestIdBefore);
                note(String.format(Locale.ROOT, "%,d cables queued for the full-text index", n));
            } catch (SQLException e) {
                note("the full-text index is rebuilt at the next start (" + e.getMessage() + ")");
            }
        }

        /** The highest cable id before this run: the cables above it are this run's (and concurrent ingests'). */
        long highestIdBefore;

        void rememberHighestId() {
            try (Connection c = dataSource.getConnection();
                 java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM cable")) {
                rs.next();
                highestIdBefore = rs.getLong(1);
            } catch (SQLException e) {
                highestIdBefore = 0; // then every cable is queued: slower, never wrong
            }
        }

        /**
         * Drops the deferrable indexes when this run is worth it, or goes on without them when an interrupted run
         * left them dropped (whatever the mode: building them first and then inserting is the slow way). Returns
         * whether the run ends by building them.
         */
        boolean deferIndexes() {
            DeferredIndexes.Mode mode = options.deferIndexes();
            if (mode == null) {
                return false;
            }
            try {
                boolean h2;
                try (Connection c = dataSource.getConnection()) {
                    h2 = DeferredIndexes.isH2(c);
                }
                boolean left = h2 && !deferredIndexes.pending().isEmpty();
                if (!left && !DeferredIndexes.worthDeferring(mode, h2, estimate, storedSha.size())) {
                    return false;
                }
                int dropped = deferredIndexes.defer();
                note(left ? "going on without the indexes an interrupted import dropped; they are built, and the words"
                        + " counted, at the end"
                        : String.format(Locale.ROOT, "%d indexes dropped for the import (%,d cables coming, %,d stored);"
                        + " they are built, and the words counted, at the end", dropped, estimate, storedSha.size()));
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot defer the indexes: " + e.getMessage(), e);
            }
        }

        void rebuildIndexes() {
            try {
                deferredIndexes.rebuild(this::note);
            } catch (SQLException | RuntimeException e) {
                RuntimeException failure = new IllegalStateException("the cables are stored, but building their"
                        + " indexes failed (the next import or server start builds them): " + e.getMessage(), e);
                if (fatal == null) {
                    fatal = failure;
                }
            }
        }

        void note(String line) {
            if (options.progress() != null) {
                options.progress().note(line);
            } else {
                Log.info(line);
            }
        }

        void loadStored() {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.setFetchSize(5_000);
                try (ResultSet rs = s.executeQuery("SELECT sha256, reference FROM cable")) {
                    while (rs.next()) {
                        storedSha.add(rs.getString(1));
                        storedRef.add(rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the stored cables: " + e.getMessage(), e);
            }
        }

        void readAll() {
            try {
                if (options.progress() != null) {
                    options.progress().total(estimate);
                    if (source instanceof ImportSource.CsvSource csv) {
                        csv.onEstimate(options.progress()::total);
                    }
                }
                source.read(item -> {
                    if (stop.get()) {
                        return false;
                    }
                    read.incrementAndGet();
                    return put(inQueue, item);
                });
            } catch (RuntimeException e) {
                fatal = e;
                stop.set(true);
            } finally {
                // one end marker per parser, even when stopping (parsers drain the queue)
                int workers = config.parserThreads();
                for (int i = 0; i < workers; i++) {
                    try {
                        inQueue.put(END);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        boolean put(BlockingQueue<Object> q, Object o) {
            try {
                while (!q.offer(o, 100, TimeUnit.MILLISECONDS)) {
                    if (stop.get()) {
                        return false;
                    }
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void parseAll() {
            try {
                while (true) {
                    Object o = inQueue.take();
                    if (o == END) {
                        break;
                    }
                    if (stop.get()) {
                        continue;
                    }
                    put(outQueue, prepare((ImportSource.Item) o));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    outQueue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        Object prepare(ImportSource.Item item) {
            if (item.problem() != null) {
                boolean skip = item.problem().startsWith("skipped");
                return new Failed(item.name(), item.bytes(), 422, item.problem(), skip ? "SKIPPED" : "FAILED");
            }
            try {
                String text = TextInput.decode(item.bytes(), "the cable text");
                String sha = IngestService.sha256(item.bytes());
                if (storedSha.contains(sha)) {
                    return new Duplicate(item.name(), sha);
                }
                ParseHints hints = item.hints() == null ? ParseHints.NONE : item.hints();
                ParseResult result = parser.parse(text, hints);
                if (result instanceof ParseResult.Rejected rejected) {
                    return new Failed(item.name(), item.bytes(), 422, "not a cable: " + rejected.message(), "FAILED");
                }
                ParsedCable parsed = ((ParseResult.Parsed) result).cable();
                if (parsed.reference() == null || parsed.reference().isBlank()) {
                    return new Failed(item.name(), item.bytes(), 422, "could not determine the cable's reference id"
                            + " from its text (class line origin and serial, and a year from the DTG)", "FAILED");
                }
                IngestService.PreparedCable ready = ingestService.prepare(parsed, sha, item.bytes().length,
                        options.actor());
                Cable cable = ready.cable();
                String header = json.writeValueAsString(IngestService.header(parsed, hints));
                String markings = json.writeValueAsString(ready.markings());
                return new Prepared(item.name(), item.bytes(), text, sha, parsed, cable, header, markings,
                        CableTerms.of(cable));
            } catch (IngestRejected e) {
                return new Failed(item.name(), item.bytes(), e.status(), e.getMessage(), "FAILED");
            } catch (Exception e) {
                Log.debugf(e, "import: %s failed to parse", item.name());
                return new Failed(item.name(), item.bytes(), 500, "parse error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), "FAILED");
            }
        }

        void writeAll(int workers) throws InterruptedException {
            int ends = 0;
            List<Prepared> batch = new ArrayList<>(config.batchSize());
            while (ends < workers) {
                Object o = outQueue.poll(200, TimeUnit.MILLISECONDS);
                if (o == null) {
                    continue;
                }
                if (o == END) {
                    ends++;
                    continue;
                }
                if (stop.get()) {
                    continue; // stopping: drain without storing
                }
                if (o instanceof Prepared p) {
                    batch.add(p);
                    if (batch.size() >= config.batchSize()) {
                        flush(batch);
                    }
                } else if (o instanceof Duplicate d) {
                    duplicate(d.name(), d.sha());
                } else if (o instanceof Failed f) {
                    fail(f);
                }
            }
            if (!stop.get() && !batch.isEmpty()) {
                flush(batch);
            }
        }

        void flush(List<Prepared> batch) {
            List<Prepared> fresh = new ArrayList<>(batch.size());
            Set<String> shas = new HashSet<>();
            Set<String> refs = new HashSet<>();
            for (Prepared p : batch) {
                if (storedSha.contains(p.sha()) || !shas.add(p.sha())) {
                    duplicate(p.name(), p.sha());
                } else if (storedRef.contains(p.parsed().reference()) || !refs.add(p.parsed().reference())) {
                    shas.remove(p.sha());
                    fail(new Failed(p.name(), p.bytes(), 409, "reference " + p.parsed().reference()
                            + " is already stored with a different text; a cable's stored original never changes",
                            "FAILED"));
                } else {
                    fresh.add(p);
                }
            }
            batch.clear();
            if (fresh.isEmpty()) {
                return;
            }
            try {
                long[] ids = store(fresh);
                committed(fresh, ids);
            } catch (SQLException | RuntimeException e) {
                // isolate the culprit: one transaction per cable for this batch
                Log.debugf(e, "import batch failed; retrying its %d cables one by one", fresh.size());
                for (Prepared p : fresh) {
                    try {
                        long[] ids = store(List.of(p));
                        committed(List.of(p), ids);
                    } catch (SQLException | RuntimeException e1) {
                        fail(new Failed(p.name(), p.bytes(), 500, "could not be stored: "
                                + e1.getClass().getSimpleName() + " " + String.valueOf(e1.getMessage()).lines()
                                .findFirst().orElse(""), "FAILED"));
                    }
                }
            }
            batches++;
            if (options.stopAfterBatches() > 0 && batches >= options.stopAfterBatches()) {
                stop.set(true);
            }
        }

        void committed(List<Prepared> stored, long[] ids) {
            for (int i = 0; i < stored.size(); i++) {
                Prepared p = stored.get(i);
                storedSha.add(p.sha());
                storedRef.add(p.parsed().reference());
                created.incrementAndGet();
                if (options.listener() != null) {
                    options.listener().item(new BulkReport.Item(p.name(), "CREATED", ids[i], p.parsed().reference(),
                            201, null));
                }
            }
            meters.cables("created", stored.size());
            if (options.progress() != null) {
                options.progress().step(stored.size());
            }
        }

        void duplicate(String name, String sha) {
            duplicates.incrementAndGet();
            meters.cables("duplicate", 1);
            if (options.progress() != null) {
                options.progress().step(1);
            }
            if (options.listener() != null) {
                Long id = null;
                String ref = null;
                try (Connection c = dataSource.getConnection();
                     PreparedStatement s = c.prepareStatement("SELECT id, reference FROM cable WHERE sha256 = ?")) {
                    s.setString(1, sha);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            id = rs.getLong(1);
                            ref = rs.getString(2);
                        }
                    }
                } catch (SQLException e) {
                    Log.debugf(e, "duplicate lookup failed");
                }
                options.listener().item(new BulkReport.Item(name, "DUPLICATE", id, ref, 200, null));
            }
        }

        void fail(Failed f) {
            boolean skip = f.kind().equals("SKIPPED");
            (skip ? skipped : failed).incrementAndGet();
            meters.cables(skip ? "skipped" : "failed", 1);
            String key = reasonKey(f.reason());
            synchronized (byReason) {
                byReason.merge(key, 1L, Long::sum);
            }
            if (failures.size() < MAX_LISTED_FAILURES) {
                failures.add(new ImportSummary.Failure(f.name(), f.status(), f.reason()));
            }
            if (!skip) {
                quarantine(f);
            }
            if (options.progress() != null) {
                options.progress().step(1);
            }
            if (options.listener() != null) {
                options.listener().item(new BulkReport.Item(f.name(), f.kind(), null, null, f.status(), f.reason()));
            }
        }

        void quarantine(Failed f) {
            try {
                PrivateFiles.createDirectories(quarantine); // 0700: the rejected texts may be classified
                int n = quarantined.incrementAndGet();
                meters.quarantined();
                String safe = String.format(Locale.ROOT, "%06d-%s", n, UNSAFE.matcher(f.name()).replaceAll("_"));
                if (safe.length() > 120) {
                    safe = safe.substring(0, 120);
                }
                if (f.bytes() != null) {
                    PrivateFiles.write(quarantine.resolve(safe), f.bytes());
                }
                PrivateFiles.write(quarantine.resolve(safe + ".reason"), f.name() + "\n" + f.status() + " "
                        + f.reason() + "\n");
            } catch (IOException e) {
                Log.warnf("cannot write %s to quarantine: %s", f.name(), e.getMessage());
            }
        }

        void writeReport(ImportSummary summary) {
            if (summary.quarantine() == null) {
                return;
            }
            try {
                PrivateFiles.write(quarantine.resolve("report.json"), json.copy()
                        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
            } catch (IOException e) {
                Log.warnf("cannot write the import report: %s", e.getMessage());
            }
        }

        /** Stores cables, their parts and their audit entries in one transaction; returns their ids. */
        long[] store(List<Prepared> rows) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    long[] ids = insertCables(c, rows);
                    insertParts(c, rows, ids);
                    List<AuditEvent> events = new ArrayList<>(rows.size());
                    for (int i = 0; i < rows.size(); i++) {
                        Cable cable = rows.get(i).cable();
                        AuditEvent event = options.actor().startsWith("system:")
                                ? AuditEvent.bySystem(options.actor(), AuditAction.CABLE_INGESTED)
                                : AuditEvent.by(options.actor(), List.of(options.actorRoles().split(",")),
                                        AuditAction.CABLE_INGESTED);
                        events.add(event
                                .cable(ids[i], cable.getReference())
                                .marking(null, cable.getBanner())
                                .note(cable.getParagraphCount() + " paragraphs, " + cable.getFindingCount()
                                        + " findings, sha256 " + cable.getSha256()));
                    }
                    auditTrail.recordAll(c, events);
                    // after the chain lock, as in the single-cable ingest (see SearchIndex.addFrequencies); a run that
                    // defers its indexes counts every word once at its end instead (DeferredIndexes.RECOUNT_TASK)
                    if (!deferred) {
                        SearchIndex.addFrequencies(c, rows.stream().map(Prepared::terms).toList());
                    }
                    c.commit();
                    return ids;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            }
        }
    }

    public static final String INSERT_CABLE = "INSERT INTO cable (reference, origin, serial, cable_date, level_rank,"
            + " controls, banner, cable_wide_noforn, subject, subject_level_rank, subject_foreign_restricted, tags,"
            + " declass_kind, declass_date, state, version, paragraph_count, error_count, finding_count, sha256,"
            + " size_bytes, ingested_at, ingested_by, release_on, release_basis, release_rule_basis, release_rule_on,"
            + " release_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?)";
    public static final String INSERT_TEXT = "INSERT INTO cable_text (cable_id, original, header_json, marking_json) VALUES (?, ?, ?, ?)";
    public static final String INSERT_PARAGRAPH = "INSERT INTO paragraph (cable_id, seq, number, sub, heading,"
            + " mark_level_rank, mark_controls, effective_level_rank, foreign_restricted, start_offset, end_offset,"
            + " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    public static final String INSERT_FINDING = "INSERT INTO cable_finding (cable_id, code, severity, message, line,"
            + " paragraph_seq, suggestion_action, suggestion_label, suggestion_mark) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static long[] insertCables(Connection c, List<Prepared> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_CABLE, GeneratedKeys.idColumn(c))) {
            for (Prepared p : rows) {
                bindCable(s, p.cable());
                s.addBatch();
            }
            s.executeBatch();
            long[] ids = new long[rows.size()];
            int n = 0;
            try (ResultSet keys = s.getGeneratedKeys()) {
                while (keys.next() && n < ids.length) {
                    ids[n++] = keys.getLong(1);
                }
            }
            if (n != ids.length) {
                throw new SQLException("expected " + ids.length + " generated ids, got " + n);
            }
            return ids;
        }
    }

    public static void bindCable(PreparedStatement s, Cable cable) throws SQLException {
        int i = 1;
        s.setString(i++, cable.getReference());
        s.setString(i++, cable.getOrigin());
        s.setString(i++, cable.getSerial());
        s.setDate(i++, cable.getDate() == null ? null : Date.valueOf(cable.getDate()));
        s.setShort(i++, (short) cable.getLevel().ordinal());
        s.setString(i++, String.join(",", cable.getClassification().controls()));
        s.setString(i++, cable.getBanner());
        s.setBoolean(i++, cable.isCableWideNoforn());
        s.setString(i++, cable.getSubject());
        s.setShort(i++, (short) cable.getSubjectLevel().ordinal());
        s.setBoolean(i++, cable.isSubjectForeignRestricted());
        s.setString(i++, Cable.storedTags(cable.getTags()));
        s.setString(i++, cable.getDeclassKind().name());
        s.setDate(i++, cable.getDeclassDate() == null ? null : Date.valueOf(cable.getDeclassDate()));
        s.setString(i++, WorkflowState.NEW.name());
        s.setLong(i++, 0L);
        s.setInt(i++, cable.getParagraphCount());
        s.setInt(i++, cable.getErrorCount());
        s.setInt(i++, cable.getFindingCount());
        s.setString(i++, cable.getSha256());
        s.setInt(i++, cable.getSizeBytes());
        s.setObject(i++, OffsetDateTime.ofInstant(cable.getIngestedAt(), ZoneOffset.UTC));
        s.setString(i++, cable.getIngestedBy());
        s.setDate(i++, cable.getReleaseOn() == null ? null : Date.valueOf(cable.getReleaseOn()));
        s.setString(i++, cable.getReleaseBasis() == null ? null : cable.getReleaseBasis().name());
        s.setString(i++, cable.getReleaseRuleBasis() == null ? null : cable.getReleaseRuleBasis().name());
        s.setDate(i++, cable.getReleaseRuleOn() == null ? null : Date.valueOf(cable.getReleaseRuleOn()));
        s.setString(i, cable.getReleaseRule());
    }

    private static void insertParts(Connection c, List<Prepared> rows, long[] ids) throws SQLException {
        try (PreparedStatement text = c.prepareStatement(INSERT_TEXT);
             PreparedStatement para = c.prepareStatement(INSERT_PARAGRAPH);
             PreparedStatement find = c.prepareStatement(INSERT_FINDING);
             PreparedStatement term = c.prepareStatement(SearchIndex.INSERT)) {
            for (int r = 0; r < rows.size(); r++) {
                Prepared p = rows.get(r);
                long id = ids[r];
                text.setLong(1, id);
                text.setString(2, p.text());
                text.setString(3, p.headerJson());
                text.setString(4, p.markingJson());
                text.addBatch();
                for (Paragraph pg : p.cable().getParagraphs()) {
                    bindParagraph(para, id, pg);
                    para.addBatch();
                }
                for (CableFinding cf : p.cable().getFindings()) {
                    Finding f = cf.toFinding();
                    find.setLong(1, id);
                    find.setString(2, f.code());
                    find.setString(3, f.severity().name());
                    String m = f.message();
                    find.setString(4, m.length() <= 1000 ? m : m.substring(0, 1000));
                    find.setObject(5, f.line(), Types.INTEGER);
                    find.setObject(6, f.paragraph(), Types.INTEGER);
                    find.setString(7, f.suggestion() == null ? null : f.suggestion().action());
                    find.setString(8, f.suggestion() == null ? null
                            : f.suggestion().label().substring(0, Math.min(300, f.suggestion().label().length())));
                    find.setString(9, f.suggestion() == null ? null : f.suggestion().mark());
                    find.addBatch();
                }
                SearchIndex.addBatch(term, id, p.cable().getDate(), p.terms());
            }
            text.executeBatch();
            para.executeBatch();
            find.executeBatch();
            term.executeBatch();
        }
    }

    public static void bindParagraph(PreparedStatement s, long cableId, Paragraph p) throws SQLException {
        Marking mark = p.getMark();
        int i = 1;
        s.setLong(i++, cableId);
        s.setInt(i++, p.getSeq());
        s.setObject(i++, p.getNumber(), Types.INTEGER);
        s.setString(i++, p.getSub());
        s.setString(i++, p.getHeading());
        s.setObject(i++, mark == null ? null : (short) mark.level().ordinal(), Types.SMALLINT);
        s.setString(i++, mark == null ? null : String.join(",", mark.controls()));
        s.setShort(i++, (short) p.getEffectiveLevel().ordinal());
        s.setBoolean(i++, p.isForeignRestricted());
        s.setInt(i++, p.getStartOffset());
        s.setInt(i++, p.getEndOffset());
        s.setString(i, p.getText());
    }

    static String reasonKey(String reason) {
        String r = reason == null ? "unknown" : reason;
        if (r.startsWith("reference ")) {
            return "reference already stored with a different text";
        }
        int colon = r.indexOf(':');
        String key = colon > 0 && colon < 60 ? r.substring(0, colon) : r;
        return key.length() > 80 ? key.substring(0, 80) : key;
    }

    /** Convenience for the command line: prints the progress bar to out. */
    public ImportSummary importPath(Path path, String actor, PrintStream out) {
        ImportSource source = ImportSource.of(path, Integer.MAX_VALUE);
        Progress progress = new Progress("import", 0, out);
        return run(source, new Options(actor, "ADMIN", progress, null, 0, DeferredIndexes.Mode.of(config.deferIndexes())));
    }
}
