package org.declass.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.cable.Cable;
import org.declass.review.ReleaseTransition;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

/**
 * Releasing one approved cable: the review aggregate's transition APPROVED to RELEASED ({@link ReleaseTransition},
 * the guard that makes a release happen exactly once), then the frozen public version and one CABLE_RELEASED audit
 * entry, all in one transaction.
 */
@ApplicationScoped
public class ReleaseService {

    @Inject
    EntityManager em;

    @Inject
    CableRendering rendering;

    @Inject
    AuditTrail audit;

    @Inject
    ReleaseIndex releaseIndex;

    @Inject
    ReleaseTransition transition;

    /**
     * Releases the cable if it is still APPROVED; returns the frozen version, or empty when another transaction
     * released it first (or it is no longer approved).
     *
     * @param actor     who releases: {@code system:release} for the job, the approver for "release now"
     * @param authority the basis of the declassification, written on the released document; null for the cable's
     *                  own effective release date and its basis (see {@link #defaultAuthority})
     */
    @Transactional
    public Optional<ReleasedVersion> release(long cableId, String actor, Set<String> roles,
                                             String authority, Instant at) {
        audit.lockHead();
        return releaseOne(cableId, actor, roles, authority, at);
    }

    /**
     * Releases several cables in one transaction, each exactly as {@link #release} does (its own conditional
     * update, frozen version and audit entry), with the authority each one's release date gives. For the sweep,
     * with JDBC batches: the chain lock first (the order every audited use case takes its locks in), the
     * conditional updates as one batch (its update counts say which cables this call moved), the moved cables read
     * in one query and rendered, then the versions, their places in the reading room's queue and the audit entries
     * each as one batch, and one commit. The caller indexes the queued versions ({@link ReleaseIndex#startDrain}). All or nothing: on an error the caller retries one by one.
     *
     * @return the ids this call released (the others were released meanwhile or are no longer approved)
     */
    @Transactional
    public List<Long> releaseAll(List<Long> cableIds, String actor, Set<String> roles, Instant at) {
        if (cableIds.isEmpty()) {
            return List.of();
        }
        em.flush();
        Session session = em.unwrap(Session.class);
        List<Long> moved = session.doReturningWork(c -> {
            audit.lockHead(c);
            return ReleaseTransition.releaseApproved(c, cableIds, actor, at);
        });
        if (moved.isEmpty()) {
            return moved;
        }
        List<Cable> batch = em.createQuery("select c from Cable c where c.id in :ids order by c.id", Cable.class)
                .setParameter("ids", moved).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        List<ReleasedVersion> versions = rendering.prepareVersions(batch, actor, ReleaseService::defaultAuthority, at);
        List<AuditEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            events.add(releasedEvent(batch.get(i), versions.get(i), actor, roles, versions.get(i).getAuthority()));
        }
        session.doWork(c -> {
            ReleasedVersionRows.insertAll(c, versions);
            releaseIndex.enqueue(c, versions); // indexed by the sweep's drain thread (ReleaseIndex.startDrain)
            audit.recordAll(c, events);
        });
        em.clear();
        return batch.stream().map(Cable::getId).toList();
    }

    private static AuditEvent releasedEvent(Cable cable, ReleasedVersion version, String actor, Set<String> roles,
                                            String authority) {
        AuditEvent event = actor.startsWith("system:") ? AuditEvent.bySystem(actor, AuditAction.CABLE_RELEASED)
                : AuditEvent.by(actor, roles, AuditAction.CABLE_RELEASED);
        return event.cable(cable.getId(), cable.getReference())
                .note("released version " + version.getVersionNo() + "; authority: " + authority
                        + "; approved by " + cable.getApprovedBy());
    }

    private Optional<ReleasedVersion> releaseOne(long cableId, String actor, Set<String> roles, String authority,
                                                 Instant at) {
        Optional<Cable> moved = transition.release(cableId, actor, at);
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        Cable cable = moved.get();
        if (authority == null || authority.isBlank()) {
            authority = defaultAuthority(cable);
        }
        ReleasedVersion version = rendering.freeze(cable, actor, authority, at);
        audit.record(releasedEvent(cable, version, actor, roles, authority));
        return Optional.of(version);
    }

    /**
     * "Declassified on its declassification date 2015-11-21 (DECL date)", from the cable's effective release date;
     * never the instruction's own text, which may quote a classified event.
     */
    static String defaultAuthority(Cable cable) {
        org.declass.marking.ReleaseDate r = cable.getRelease();
        return r == null || r.date() == null ? "Declassification approved by " + cable.getApprovedBy()
                : "Declassified on its declassification date " + r.date() + " (" + r.basis().label() + ")";
    }
}
