package org.declass.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way into the trail. {@link #record} appends an entry inside the caller's transaction: it locks the
 * chain head (SELECT ... FOR UPDATE), so concurrent writers serialise and the chain never forks, and the entry
 * commits if and only if the caller's change commits.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Instance<AuditRequest> request;

    @Inject
    Instance<SecurityIdentity> identity;

    @ConfigProperty(name = "declass.audit.checkpoint-key")
    Optional<String> configuredKey;

    @ConfigProperty(name = "declass.data-dir")
    String dataDir;

    private CheckpointSigner signer;

    @PostConstruct
    void init() {
        signer = AuditKeys.load(configuredKey.orElse(null), Path.of(dataDir), true);
    }

    /** Appends one entry to the trail, in the caller's transaction (there must be one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord record(AuditEvent e) {
        String[] req = e.request != null ? e.request : requestInfo();
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        long seq = head.seq() + 1;
        AuditRecord draft = new AuditRecord(seq, AuditChain.storedTime(clock.instant()), e.actor, roles(e),
                e.action.name(), e.cableId, e.cableReference, e.paragraph, e.spanStart, e.spanEnd, e.codes,
                e.markingBefore, e.markingAfter, e.note, req[0], req[1], head.hash(), null);
        String hash = AuditChain.hash(head.hash(), AuditChain.canonical(draft));
        AuditRecord entry = new AuditRecord(draft.seq(), draft.at(), draft.actor(), draft.actorRoles(),
                draft.action(), draft.cableId(), draft.cableReference(), draft.paragraph(), draft.spanStart(),
                draft.spanEnd(), draft.codes(), draft.markingBefore(), draft.markingAfter(), draft.note(),
                draft.requestId(), draft.clientAddress(), draft.prevHash(), hash);
        em.persist(new AuditEntry(entry));
        head.advance(seq, hash);
        return entry;
    }

    /** Records an event in a transaction of its own: for reads of the trail and for logins. */
    public void recordAlone(AuditEvent e) {
        QuarkusTransaction.requiringNew().run(() -> record(e));
    }

    void recordAlone(AuditEvent e, String[] requestIdAndAddress) {
        recordAlone(e.request(requestIdAndAddress));
    }

    /**
     * Signs the current chain head, unless it is already signed or the trail is empty. Runs on the interval and at
     * shutdown ({@link AuditCheckpointJob}); also logged, so that the log is a second, outside copy.
     *
     * @return the new checkpoint, or empty when there was nothing new to sign
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<AuditCheckpoint> checkpoint() {
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        if (head.seq() == 0) {
            return Optional.empty();
        }
        Long last = em.createQuery("select max(c.seq) from AuditCheckpointRow c", Long.class).getSingleResult();
        if (last != null && last >= head.seq()) {
            return Optional.empty();
        }
        AuditCheckpoint c = signer.sign(head.seq(), head.hash(), clock.instant());
        em.persist(new AuditCheckpointRow(c));
        Log.infof("audit checkpoint seq=%d head=%s at=%s key=%s signature=%s", c.seq(), c.headHash(),
                AuditChain.formatAt(c.at()), c.keyId(), c.signature());
        return Optional.of(c);
    }

    /** Checks the whole chain and every checkpoint, streaming. */
    public VerifyReport verify() {
        try (Connection connection = dataSource.getConnection()) {
            List<AuditCheckpoint> checkpoints = AuditRows.checkpoints(connection);
            Iterator<AuditRecord> rows = AuditRows.ascending(connection, AuditQuery.ALL);
            return new ChainVerifier(signer).verify(rows, checkpoints);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    CheckpointSigner signer() {
        return signer;
    }

    private String roles(AuditEvent e) {
        if (e.actorRoles != null) {
            return e.actorRoles;
        }
        if (Arc.container().requestContext().isActive()) {
            try {
                SecurityIdentity id = identity.get();
                if (!id.isAnonymous() && e.actor.equals(id.getPrincipal().getName())) {
                    return String.join(",", new java.util.TreeSet<>(id.getRoles()));
                }
            } catch (RuntimeException ignored) {
                // no identity available here
            }
        }
        return "";
    }

    private String[] requestInfo() {
        if (!Arc.container().requestContext().isActive()) {
            return new String[] {null, null};
        }
        try {
            return request.get().describe();
        } catch (RuntimeException e) {
            return new String[] {null, null};
        }
    }
}
