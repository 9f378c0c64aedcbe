package org.declass.release;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.cable.Cable;
import org.declass.cable.CableHeader;
import org.declass.cable.CableService;
import org.declass.marking.ClassificationLevel;
import org.declass.marking.Declassification;
import org.declass.marking.ReleaseDates;

/**
 * Cables stored before migration V8 have no release date: at start, each gets the date its instruction gives (the
 * exemption codes come from the stored header), in pages of 500, one transaction a page. Idempotent; when several
 * instances start together, a page another instance wrote first is skipped.
 */
@ApplicationScoped
public class ReleaseDateBackfill {

    @Inject
    EntityManager em;

    @Inject
    CableService cables;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        int done = backfill();
        if (done > 0) {
            Log.infof("release dates computed for %d cables stored before they existed", done);
        }
    }

    public int backfill() {
        int done = 0;
        long after = 0;
        while (true) {
            final long from = after;
            // SQL, not HQL: the first HQL query of a process builds the query parser (about half a second of CPU
            // here), which this check, run on every start, would put on the start-up path (docs/performance.md)
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "SELECT id FROM cable WHERE release_rule_basis IS NULL AND id > ?1 ORDER BY id", Long.class)
                    .setParameter(1, from).setMaxResults(500).getResultList());
            if (ids.isEmpty()) {
                return done;
            }
            after = ids.get(ids.size() - 1);
            try {
                done += QuarkusTransaction.requiringNew().call(() -> {
                    int n = 0;
                    for (long id : ids) {
                        Cable c = em.find(Cable.class, id);
                        if (c != null && c.getReleaseRuleBasis() == null) {
                            c.scheduleRelease(fromInstruction(c, cables.header(c)));
                            n++;
                        }
                    }
                    return n;
                });
            } catch (RuntimeException e) {
                Log.warnf("release date backfill: a page after id %d was skipped (%s); it is retried at the next"
                        + " start", from, e.getMessage());
            }
        }
    }

    static org.declass.marking.ReleaseDate fromInstruction(Cable c, CableHeader h) {
        Declassification d = new Declassification(h.declassRaw(), c.getDeclassKind(), h.declassOrder(),
                c.getDeclassDate(), h.exemptions(), h.declassEvent());
        return ReleaseDates.fromInstruction(d, c.getDate(), c.getLevel() != ClassificationLevel.UNCLASSIFIED,
                LocalDate.ofInstant(c.getIngestedAt(), ZoneOffset.UTC));
    }
}
