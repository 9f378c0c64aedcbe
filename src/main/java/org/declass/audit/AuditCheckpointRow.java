package org.declass.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A stored checkpoint; append-only like the entries. */
@Entity(name = "AuditCheckpointRow")
@Immutable
@Table(name = "audit_checkpoint")
public class AuditCheckpointRow {

    @Id
    private long seq;
    @Column(name = "head_hash", nullable = false, length = 64)
    private String headHash;
    @Column(nullable = false)
    private Instant at;
    @Column(nullable = false, length = 128)
    private String signature;
    @Column(name = "key_id", nullable = false, length = 16)
    private String keyId;

    protected AuditCheckpointRow() {
    }

    AuditCheckpointRow(AuditCheckpoint c) {
        this.seq = c.seq();
        this.headHash = c.headHash();
        this.at = c.at();
        this.signature = c.signature();
        this.keyId = c.keyId();
    }
}
