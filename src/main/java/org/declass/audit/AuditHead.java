package org.declass.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The chain head (one row, id 1): the last seq and its hash. Locked with SELECT ... FOR UPDATE by every append,
 * which serialises writers across transactions and instances.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    @Id
    private int id;
    @Column(nullable = false)
    private long seq;
    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditHead() {
    }

    long seq() {
        return seq;
    }

    String hash() {
        return hash;
    }

    void advance(long newSeq, String newHash) {
        this.seq = newSeq;
        this.hash = newHash;
    }
}
