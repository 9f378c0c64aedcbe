package org.declass.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.declass.ingest.IngestOutcome;
import org.declass.ingest.IngestRejected;
import org.declass.account.AccountService;
import org.declass.cable.SearchIndex;
import org.declass.ingest.IngestService;
import org.declass.ingest.parser.ParseHints;
import org.declass.cable.Cable;
import org.declass.cable.CableService;
import org.declass.marking.ClassificationLevel;
import org.declass.review.ReviewRequests.Action;
import org.declass.review.ReviewService;
import org.declass.security.Reader;
import org.declass.security.Roles;

/**
 * First start: in demo mode ({@code declass.demo=true}) seeds the demo accounts and the demo cables (all
 * invented); otherwise creates the first administrator on an empty installation.
 */
@ApplicationScoped
public class Startup {

    static final String DEMO_INDEX = "demo/cables/INDEX";

    @Inject
    AccountService accounts;

    @Inject
    IngestService ingest;

    @Inject
    org.declass.release.DemoConfig demo;

    @Inject
    AdminConfig admin;

    @Inject
    SearchIndex searchIndex;

    @Inject
    CableService cables;

    @Inject
    ReviewService review;

    void onStart(@Observes StartupEvent event) {
        protectDataDirectory();
        searchIndex.backfillIfNeeded();
        if (demo.enabled()) {
            int users = accounts.createDemoAccounts();
            int cables = seedDemoCables();
            if (cables > 0) {
                approveDemoCables();
            }
            Log.infof("Demo mode: %d demo accounts and %d demo cables added (password 'demo')", users, cables);
        } else {
            accounts.createFirstAdmin(admin.initialPassword().orElse(null));
        }
    }

    /**
     * The data directory 0700 and the files kept in it 0600 ({@link DataDirectory}); a directory everyone may
     * write to, or one that cannot be changed, stops the start.
     */
    void protectDataDirectory() {
        Config config = ConfigProvider.getConfig();
        Path dir = Path.of(config.getValue(DataDirectory.PROPERTY, String.class));
        Optional<Path> logFile = config.getOptionalValue("quarkus.log.file.enabled", Boolean.class).orElse(false)
                ? config.getOptionalValue("quarkus.log.file.path", String.class).map(Path::of) : Optional.empty();
        try {
            List<Path> changed = DataDirectory.narrow(dir,
                    DataDirectory.h2Database(config.getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                            .orElse(null)), logFile);
            if (!changed.isEmpty()) {
                Log.infof("Data directory %s: narrowed %d files and directories to the server's account (0600/0700)",
                        dir.toAbsolutePath(), changed.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot protect the data directory: " + e.getMessage(), e);
        }
    }

    int seedDemoCables() {
        int created = 0;
        for (String name : demoCableNames()) {
            try (InputStream in = resource("demo/cables/" + name)) {
                if (in == null) {
                    Log.warnf("demo cable %s is listed but missing", name);
                    continue;
                }
                IngestOutcome outcome = ingest.ingest(in.readAllBytes(), ParseHints.NONE, "system:demo");
                if (outcome.created()) {
                    created++;
                }
            } catch (IngestRejected | IOException e) {
                Log.warnf("demo cable %s not loaded: %s", name, e.getMessage());
            }
        }
        return created;
    }

    /**
     * Demo cables reviewed and approved at the first start, so that releases can be watched: three are due (the
     * first sweep releases them), two come due in 2027 and 2028 ("jump to a date" on the release page).
     */
    static final List<String> DEMO_APPROVED = List.of("02VILNIUS1733", "03CANBERRA3391", "08ULAANBAATAR377",
            "07LJUBLJANA402", "08LAPAZ1290");

    void approveDemoCables() {
        Reader reviewer = new Reader("reviewer", Set.of(Roles.REVIEWER), ClassificationLevel.SECRET, true, false);
        Reader approver = new Reader("approver", Set.of(Roles.APPROVER), ClassificationLevel.TOP_SECRET, true, false);
        for (String reference : DEMO_APPROVED) {
            try {
                Optional<Cable> found = cables.findByReference(reference);
                if (found.isEmpty()) {
                    continue;
                }
                long id = found.get().getId();
                review.claim(id, new Action(currentVersion(id), null, null, null, "demo"), reviewer);
                review.submit(id, new Action(currentVersion(id), null, null, null, "demo"), reviewer);
                review.approve(id, new Action(currentVersion(id), null, null, null, "demo",
                        org.declass.release.DemoReleases.DEMO_OVERRIDE), approver);
            } catch (RuntimeException e) {
                Log.warnf("demo cable %s not approved: %s", reference, e.getMessage());
            }
        }
    }

    /** Read in a transaction of its own: outside one, the start-up session would hand back its cached row. */
    private long currentVersion(long id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> cables.get(id).getVersion());
    }

    static List<String> demoCableNames() {
        try (InputStream in = resource(DEMO_INDEX)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static InputStream resource(String path) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
    }
}
