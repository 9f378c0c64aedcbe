package org.declass.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bulk uploads running in the background, one at a time, so that a page or a client can follow their progress
 * ({@code GET /api/imports/{id}}, the upload page). Kept in memory: finished jobs are forgotten after an hour.
 */
@ApplicationScoped
public class ImportJobs {

    /** A job as its owner sees it. */
    public record Status(String id, String owner, String state, long done, long total, double rate,
                         String progress, Instant started, BulkReport report, String error) {
    }

    private static final class Job {
        final String id;
        final String owner;
        final Instant started;
        final Progress progress;
        volatile String state = "RUNNING";
        volatile BulkReport report;
        volatile String error;
        volatile Instant finished;

        Job(String id, String owner, Instant started, Progress progress) {
            this.id = id;
            this.owner = owner;
            this.started = started;
            this.progress = progress;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bulk-import-job");
        t.setDaemon(true);
        return t;
    });

    @Inject
    IngestService ingest;

    @Inject
    Clock clock;

    /** Starts importing the zip (which the job then owns and deletes); returns the job id. */
    public String start(Path zip, String actor) {
        Instant now = clock.instant();
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(now.minusSeconds(3600)));
        long entries = new ImportSource.ZipSource(zip, BulkImport.MAX_ENTRIES).estimate();
        Job job = new Job(UUID.randomUUID().toString(), actor, now, new Progress("import", entries, null));
        jobs.put(job.id, job);
        executor.submit(() -> {
            try {
                job.report = ingest.importZip(zip, actor, job.progress);
                job.state = "DONE";
            } catch (IngestRejected e) {
                job.error = e.getMessage();
                job.state = "FAILED";
            } catch (RuntimeException e) {
                Log.errorf(e, "bulk import job %s failed", job.id);
                job.error = "internal error; see the server log";
                job.state = "FAILED";
            } finally {
                job.finished = clock.instant();
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException ignored) {
                    // temp file
                }
            }
        });
        return job.id;
    }

    /** The job, if it exists and belongs to this user. */
    public Optional<Status> status(String id, String user) {
        Job j = jobs.get(id);
        if (j == null || !j.owner.equals(user)) {
            return Optional.empty();
        }
        long done = j.progress.done();
        double seconds = Math.max(1e-3, ((j.finished != null ? j.finished : clock.instant()).toEpochMilli()
                - j.started.toEpochMilli()) / 1000.0);
        return Optional.of(new Status(j.id, j.owner, j.state, done, j.progress.total(), done / seconds,
                j.progress.line(), j.started, j.report, j.error));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
