package org.declass.related;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.cable.Cable;
import org.declass.cable.CableHeader;
import org.declass.cable.CableService;

/**
 * Keeps each cable's fingerprint ({@link Fingerprints}) and REF citations beside it: for a cable asked about, and
 * for every cable still without them, on an interval ({@code declass.related.catch-up}, default 10 s), a bounded
 * number each run. Idempotent, so several instances may run it at once: a cable another instance wrote first is
 * skipped. A cable's body never changes after ingest, so a fingerprint never goes stale.
 */
@ApplicationScoped
public class RelatedIndex {

    /** Cables fingerprinted per transaction. */
    static final int PAGE = 200;

    @Inject
    EntityManager em;

    @Inject
    CableService cables;

    @Scheduled(every = "{declass.related.catch-up:10s}", delayed = "5s", identity = "related-catch-up",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            int done = catchUp(20_000);
            if (done > 0) {
                Log.infof("related cables: %d cables fingerprinted", done);
            }
        } catch (IllegalStateException stopping) {
            // the application is shutting down under the job; the next start catches up
            Log.debugf("related cables: catch-up stopped (%s)", stopping.getMessage());
        }
    }

    /** A cable just stored is fingerprinted at once; a failure here never fails the ingest (the job retries). */
    void onStored(@jakarta.enterprise.event.Observes org.declass.cable.CableStored stored) {
        try {
            ensure(List.of(stored.cableId()));
        } catch (RuntimeException e) {
            Log.warnf("related cables: cable %d not fingerprinted at ingest (%s); the catch-up job will",
                    stored.cableId(), e.getMessage());
        }
    }

    /** Fingerprints up to {@code max} cables that have none yet, oldest first; answers how many. */
    public int catchUp(int max) {
        int done = 0;
        while (done < max) {
            int page = Math.min(PAGE, max - done);
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT c.id FROM cable c WHERE NOT EXISTS (SELECT 1 FROM cable_fingerprint f"
                            + " WHERE f.cable_id = c.id) ORDER BY c.id", Long.class)
                    .setMaxResults(page).getResultList());
            if (ids.isEmpty()) {
                return done;
            }
            int written = ensure(ids);
            if (written == 0) {
                return done; // another instance is writing the same cables
            }
            done += written;
        }
        return done;
    }

    /** Fingerprints these cables where they have none yet; answers how many it wrote. */
    public int ensure(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(ids));
        } catch (RuntimeException e) {
            // another instance wrote some of them first: one by one, skipping those
            int n = 0;
            for (Long id : ids) {
                try {
                    n += QuarkusTransaction.requiringNew().call(() -> write(List.of(id)));
                } catch (RuntimeException again) {
                    Log.debugf("related cables: cable %d not fingerprinted here (%s)", id, again.getMessage());
                }
            }
            return n;
        }
    }

    private int write(List<Long> ids) {
        Set<Long> done = new HashSet<>();
        for (Object id : em.createNativeQuery("SELECT cable_id FROM cable_fingerprint WHERE cable_id IN (?1)")
                .setParameter(1, ids).getResultList()) {
            done.add(((Number) id).longValue());
        }
        int n = 0;
        for (Long id : ids) {
            if (done.contains(id)) {
                continue;
            }
            Cable cable = em.find(Cable.class, id);
            if (cable == null) {
                continue;
            }
            List<Integer> seqs = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Object row : em.createNativeQuery("SELECT seq, text FROM paragraph WHERE cable_id = ?1 ORDER BY seq")
                    .setParameter(1, id).getResultList()) {
                Object[] r = (Object[]) row;
                seqs.add(((Number) r[0]).intValue());
                texts.add((String) r[1]);
            }
            Fingerprints.Fingerprint f = Fingerprints.of(seqs, texts);
            em.createNativeQuery("INSERT INTO cable_fingerprint (cable_id, body_hash, words, minhash)"
                    + " VALUES (?1, ?2, ?3, ?4)").setParameter(1, id).setParameter(2, f.bodyHash())
                    .setParameter(3, f.words()).setParameter(4, Fingerprints.encode(f.minhash())).executeUpdate();
            long[] bands = f.bands();
            for (int b = 0; b < bands.length; b++) {
                em.createNativeQuery("INSERT INTO cable_band (band, bucket, cable_id) VALUES (?1, ?2, ?3)")
                        .setParameter(1, (short) b).setParameter(2, bands[b]).setParameter(3, id).executeUpdate();
            }
            Set<String> passages = new HashSet<>();
            for (Fingerprints.Passage p : f.passages()) {
                if (passages.add(p.hash() + "/" + p.seq())) {
                    em.createNativeQuery("INSERT INTO cable_passage (hash, cable_id, seq) VALUES (?1, ?2, ?3)")
                            .setParameter(1, p.hash()).setParameter(2, id).setParameter(3, p.seq()).executeUpdate();
                }
            }
            Set<String> refs = new LinkedHashSet<>();
            for (CableHeader.Ref r : cables.header(cable).refList()) {
                refs.addAll(CableHeader.orEmpty(r.ids()));
            }
            refs.remove(cable.getReference());
            for (String r : refs) {
                if (r.length() <= 64) {
                    em.createNativeQuery("INSERT INTO cable_ref (reference, cable_id) VALUES (?1, ?2)")
                            .setParameter(1, r).setParameter(2, id).executeUpdate();
                }
            }
            n++;
        }
        return n;
    }
}
