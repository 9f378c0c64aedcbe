package org.declass.release;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.cable.Cable;
import org.declass.cable.CableService;
import org.declass.cable.WorkflowState;

/**
 * Releasing one approved cable: a conditional state update (APPROVED to RELEASED) as the guard that makes a release
 * happen exactly once, then the frozen public version and one CABLE_RELEASED audit entry, all in one transaction.
 */
@ApplicationScoped
public class ReleaseService {

    @Inject
    EntityManager em;

    @Inject
    CableService cables;

    @Inject
    CableRendering rendering;

    @Inject
    AuditTrail audit;

    /**
     * Releases the cable if it is still APPROVED; returns the frozen version, or empty when another transaction
     * released it first (or it is no longer approved).
     *
     * @param actor     who releases: {@code system:release} for the job, the approver for "release now"
     * @param authority the basis of the declassification, written on the released document; null for the cable's
     *                  own effective release date and its basis (see {@link #defaultAuthority})
     */
    @Transactional
    public Optional<ReleasedVersion> release(long cableId, String actor, java.util.Set<String> roles,
                                             String authority, Instant at) {
        audit.lockHead();
        return releaseOne(cableId, actor, roles, authority, at, true);
    }

    /**
     * Releases several cables in one transaction, each exactly as {@link #release} does (its own conditional
     * update, frozen version and audit entry), with the authority each one's release date gives. For the sweep:
     * one commit and one chain lock for the batch. All or nothing: on an error the caller retries one by one.
     *
     * @return the ids this call released (the others were released meanwhile or are no longer approved)
     */
    @Transactional
    public java.util.List<Long> releaseAll(java.util.List<Long> cableIds, String actor, java.util.Set<String> roles,
                                           Instant at) {
        audit.lockHead();
        java.util.List<Long> released = new java.util.ArrayList<>();
        for (long id : cableIds) {
            if (releaseOne(id, actor, roles, null, at, false).isPresent()) {
                released.add(id);
            }
            em.flush();
            em.clear(); // each cable of the batch starts from a small persistence context, read fresh
        }
        return released;
    }

    /** @param refresh whether the cable may already be loaded in this persistence context (then it is re-read) */
    private Optional<ReleasedVersion> releaseOne(long cableId, String actor, java.util.Set<String> roles,
                                                 String authority, Instant at, boolean refresh) {
        int moved = em.createQuery("update Cable c set c.state = :released, c.version = c.version + 1, "
                        + "c.changedAt = :at, c.changedBy = :actor where c.id = :id and c.state = :approved")
                .setParameter("released", WorkflowState.RELEASED).setParameter("approved", WorkflowState.APPROVED)
                .setParameter("at", at).setParameter("actor", actor).setParameter("id", cableId)
                .executeUpdate();
        if (moved == 0) {
            return Optional.empty();
        }
        Cable cable = cables.get(cableId);
        if (refresh) {
            em.refresh(cable);
        }
        if (authority == null || authority.isBlank()) {
            authority = defaultAuthority(cable);
        }
        ReleasedVersion version = rendering.freeze(cable, actor, authority, at);
        AuditEvent event = actor.startsWith("system:") ? AuditEvent.bySystem(actor, AuditAction.CABLE_RELEASED)
                : AuditEvent.by(actor, roles, AuditAction.CABLE_RELEASED);
        audit.record(event
                .cable(cable.getId(), cable.getReference())
                .note("released version " + version.getVersionNo() + "; authority: " + authority
                        + "; approved by " + cable.getApprovedBy()));
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
