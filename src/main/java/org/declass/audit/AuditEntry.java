package org.declass.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A stored entry. Written once by {@link AuditTrail}; never updated or deleted (triggers enforce it). */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private long seq;
    @Column(nullable = false)
    private Instant at;
    @Column(nullable = false, length = 100)
    private String actor;
    @Column(name = "actor_roles", nullable = false, length = 200)
    private String actorRoles;
    @Column(nullable = false, length = 40)
    private String action;
    @Column(name = "cable_id")
    private Long cableId;
    @Column(name = "cable_reference", length = 64)
    private String cableReference;
    private Integer paragraph;
    @Column(name = "span_start")
    private Integer spanStart;
    @Column(name = "span_end")
    private Integer spanEnd;
    @Column(length = 400)
    private String codes;
    @Column(name = "marking_before", length = 200)
    private String markingBefore;
    @Column(name = "marking_after", length = 200)
    private String markingAfter;
    @Column(length = 2000)
    private String note;
    @Column(name = "request_id", length = 64)
    private String requestId;
    @Column(name = "client_address", length = 64)
    private String clientAddress;
    @Column(name = "attempted_name", length = 200)
    private String attemptedName;
    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;
    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(AuditRecord r) {
        this.seq = r.seq();
        this.at = r.at();
        this.actor = r.actor();
        this.actorRoles = r.actorRoles();
        this.action = r.action();
        this.cableId = r.cableId();
        this.cableReference = r.cableReference();
        this.paragraph = r.paragraph();
        this.spanStart = r.spanStart();
        this.spanEnd = r.spanEnd();
        this.codes = r.codes();
        this.markingBefore = r.markingBefore();
        this.markingAfter = r.markingAfter();
        this.note = r.note();
        this.requestId = r.requestId();
        this.clientAddress = r.clientAddress();
        this.attemptedName = r.attemptedName();
        this.prevHash = r.prevHash();
        this.hash = r.hash();
    }

    public AuditRecord toRecord() {
        return new AuditRecord(seq, at, actor, actorRoles, action, cableId, cableReference, paragraph, spanStart,
                spanEnd, codes, markingBefore, markingAfter, note, requestId, clientAddress, attemptedName, prevHash,
                hash);
    }
}
