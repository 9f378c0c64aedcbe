package org.declass.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
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
import org.declass.metrics.AuditMeters;
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

    @Inject
    AuditConfig config;

    /** Each new checkpoint, for observers after its commit (backup.CheckpointWitness keeps a copy elsewhere). */
    @Inject
    jakarta.enterprise.event.Event<AuditCheckpoint> checkpointSigned;

    @ConfigProperty(name = "declass.data-dir")
    String dataDir;

    private CheckpointSigner signer;

    @PostConstruct
    void init() {
        signer = AuditKeys.load(config.checkpointKey().orElse(null), Path.of(dataDir), true);
    }

    /**
     * Takes the chain lock now rather than at the first {@link #record}: for a use case that locks other rows and
     * writes entries, so that every such transaction takes its locks in the same order (chain first) and two of
     * them never wait for each other in a cycle. The release sweep uses it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockHead() {
        em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The last entry's sequence number and hash. */
    public record ChainHead(long seq, String hash) {
    }

    /**
     * {@link #lockHead()} on the caller's JDBC connection (auto-commit off), for use cases that write with JDBC
     * batches and end with {@link #recordAll}.
     *
     * @return the head as it is now
     */
    public ChainHead lockHead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
             java.sql.ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the audit chain head row is missing");
            }
            return new ChainHead(rs.getLong(1), rs.getString(2));
        }
    }

    /** Appends one entry to the trail, in the caller's transaction (there must be one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord record(AuditEvent e) {
        String[] req = e.request != null ? e.request : requestInfo();
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        long seq = head.seq() + 1;
        AuditRecord draft = new AuditRecord(seq, AuditChain.storedTime(clock.instant()), e.actor, roles(e),
                e.action.name(), e.cableId, e.cableReference, e.paragraph, e.spanStart, e.spanEnd, e.codes,
                e.markingBefore, e.markingAfter, e.note, req[0], req[1], e.attemptedName, head.hash(), null);
        AuditRecord entry = hashed(draft);
        em.persist(new AuditEntry(entry));
        head.advance(seq, entry.hash());
        return entry;
    }

    /**
     * Appends several entries in order, on the caller's JDBC connection and inside its transaction (auto-commit
     * off): the chain head is locked once (SELECT ... FOR UPDATE), the hashes are computed exactly as
     * {@link #record} does (same canonical form, {@link AuditChain}), the entries are batch-inserted and the head
     * advanced. For bulk imports, where one transaction stores a batch of cables and their CABLE_INGESTED entries.
     */
    public List<AuditRecord> recordAll(Connection connection, List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        ChainHead locked = lockHead(connection);
        long seq = locked.seq();
        String prev = locked.hash();
        List<AuditRecord> out = new java.util.ArrayList<>(events.size());
        try (PreparedStatement insert = connection.prepareStatement(AuditRows.INSERT)) {
            for (AuditEvent e : events) {
                seq++;
                String[] req = e.request != null ? e.request : new String[] {null, null};
                AuditRecord draft = new AuditRecord(seq, AuditChain.storedTime(clock.instant()), e.actor,
                        e.actorRoles != null ? e.actorRoles : "", e.action.name(), e.cableId, e.cableReference,
                        e.paragraph, e.spanStart, e.spanEnd, e.codes, e.markingBefore, e.markingAfter, e.note,
                        req[0], req[1], e.attemptedName, prev, null);
                AuditRecord r = hashed(draft);
                int i = 1;
                insert.setLong(i++, r.seq());
                insert.setObject(i++, java.time.OffsetDateTime.ofInstant(r.at(), java.time.ZoneOffset.UTC));
                insert.setString(i++, r.actor());
                insert.setString(i++, r.actorRoles());
                insert.setString(i++, r.action());
                insert.setObject(i++, r.cableId(), java.sql.Types.BIGINT);
                insert.setString(i++, r.cableReference());
                insert.setObject(i++, r.paragraph(), java.sql.Types.INTEGER);
                insert.setObject(i++, r.spanStart(), java.sql.Types.INTEGER);
                insert.setObject(i++, r.spanEnd(), java.sql.Types.INTEGER);
                insert.setString(i++, r.codes());
                insert.setString(i++, r.markingBefore());
                insert.setString(i++, r.markingAfter());
                insert.setString(i++, r.note());
                insert.setString(i++, r.requestId());
                insert.setString(i++, r.clientAddress());
                insert.setString(i++, r.prevHash());
                insert.setString(i++, r.hash());
                insert.setString(i, r.attemptedName());
                insert.addBatch();
                out.add(r);
                prev = r.hash();
            }
            insert.executeBatch();
        }
        try (PreparedStatement head = connection.prepareStatement(
                "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            head.setLong(1, seq);
            head.setString(2, prev);
            head.executeUpdate();
        }
        return out;
    }

    /** The draft (hash null) with its hash: SHA-256 of its prev_hash and canonical form ({@link AuditChain}). */
    private static AuditRecord hashed(AuditRecord d) {
        String hash = AuditChain.hash(d.prevHash(), AuditChain.canonical(d));
        return new AuditRecord(d.seq(), d.at(), d.actor(), d.actorRoles(), d.action(), d.cableId(),
                d.cableReference(), d.paragraph(), d.spanStart(), d.spanEnd(), d.codes(), d.markingBefore(),
                d.markingAfter(), d.note(), d.requestId(), d.clientAddress(), d.attemptedName(), d.prevHash(), hash);
    }

    /** Records an event in a transaction of its own: for reads of the trail and for sign-ins. */
    public void recordAlone(AuditEvent e) {
        QuarkusTransaction.requiringNew().run(() -> record(e));
    }

    /**
     * Records several events in one transaction of their own, in order: the reads a search page or a preview made
     * (one PORTIONS_READ entry per cable), written whether or not the caller has a transaction.
     */
    public void recordAlone(List<AuditEvent> events) {
        if (!events.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> events.forEach(this::record));
        }
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
        checkpointSigned.fire(c);
        return Optional.of(c);
    }

    /**
     * The chain's length and its newest checkpoint, for the monitoring gauges ({@link AuditMeters}): two single-row
     * reads, outside any transaction.
     */
    public AuditMeters.ChainState chainState() {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            long entries;
            try (java.sql.ResultSet rs = s.executeQuery("SELECT seq FROM audit_head WHERE id = 1")) {
                entries = rs.next() ? rs.getLong(1) : 0;
            }
            try (java.sql.ResultSet rs = s.executeQuery(
                    "SELECT seq, at FROM audit_checkpoint ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
                if (rs.next()) {
                    return new AuditMeters.ChainState(entries, rs.getLong(1),
                            Optional.of(rs.getObject(2, java.time.OffsetDateTime.class).toInstant()));
                }
            }
            return new AuditMeters.ChainState(entries, 0, Optional.empty());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain head: " + e.getMessage(), e);
        }
    }

    /** Checks the whole chain and every checkpoint, streaming. */
    public VerifyReport verify() {
        try (Connection connection = dataSource.getConnection()) {
            return new ChainVerifier(signer).verify(connection, dataSource::getConnection);
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
