package org.declass.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.declass.cable.Cable;
import org.declass.cable.CableNotFound;
import org.declass.cable.WorkflowState;

/**
 * APPROVED to RELEASED, the review aggregate's last transition and the only code that writes it. One cable goes
 * through {@link Cable#release} under its row lock; the sweep's batch form is a conditional update per cable in
 * one JDBC batch, whose update counts say which cables this call moved. Either way a cable is released exactly
 * once: a second release finds it no longer APPROVED and moves nothing. The caller (release feature) takes the
 * audit chain lock first, then renders the frozen version and writes the CABLE_RELEASED entry in the same
 * transaction.
 */
@ApplicationScoped
public class ReleaseTransition {

    @Inject
    EntityManager em;

    /**
     * Releases the cable if it is still APPROVED, under its row lock, in the caller's transaction.
     *
     * @return the released cable, or empty when it is no longer approved (another transaction released it first)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Cable> release(long cableId, String actor, Instant at) {
        Cable c = em.find(Cable.class, cableId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new CableNotFound("with id " + cableId);
        }
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE); // it may have been loaded before the lock: read it afresh
        if (c.getState() != WorkflowState.APPROVED) {
            return Optional.empty();
        }
        c.release(actor, at);
        em.flush();
        return Optional.of(c);
    }

    /**
     * The batch form for the sweep, on the caller's JDBC connection and inside its transaction: the conditional
     * update {@code APPROVED -> RELEASED} of each cable as one batch (the same transition {@link Cable#release}
     * makes, the version moving on).
     *
     * @return the ids whose row this call changed (the others were released meanwhile or are no longer approved)
     */
    public static List<Long> releaseApproved(Connection c, List<Long> ids, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE cable SET state = ?, version = version + 1,"
                + " changed_at = ?, changed_by = ? WHERE id = ? AND state = ?")) {
            for (long id : ids) {
                s.setString(1, WorkflowState.RELEASED.name());
                s.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                s.setString(3, actor);
                s.setLong(4, id);
                s.setString(5, WorkflowState.APPROVED.name());
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            List<Long> moved = new ArrayList<>(ids.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    moved.add(ids.get(i));
                } else if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver did not report which cables the release batch changed");
                }
            }
            return moved;
        }
    }
}
