-- The audit trail: append-only, hash-chained entries and signed checkpoints of the chain head.
-- Portable SQL for H2 2.x and PostgreSQL 15. The triggers that reject UPDATE and DELETE are vendor-specific:
-- db/h2/V2_1__audit_append_only.sql and db/postgresql/V2_1__audit_append_only.sql. See docs/audit.md.

-- seq is assigned by the trail (gap-free, 1, 2, 3, ...), never by an identity column: a gap means a deletion.
CREATE TABLE audit_entry (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(100)  NOT NULL,
    actor_roles     VARCHAR(200)  NOT NULL,
    action          VARCHAR(40)   NOT NULL,
    cable_id        BIGINT,
    cable_reference VARCHAR(64),
    paragraph       INTEGER,
    span_start      INTEGER,
    span_end        INTEGER,
    codes           VARCHAR(400),
    marking_before  VARCHAR(200),
    marking_after   VARCHAR(200),
    note            VARCHAR(2000),
    request_id      VARCHAR(64),
    client_address  VARCHAR(64),
    prev_hash       VARCHAR(64)   NOT NULL,
    hash            VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_audit_cable ON audit_entry (cable_id, seq);
CREATE INDEX ix_audit_actor ON audit_entry (actor, seq);
CREATE INDEX ix_audit_action ON audit_entry (action, seq);
CREATE INDEX ix_audit_at ON audit_entry (at);

-- The chain head, one row. Every append locks it (SELECT ... FOR UPDATE) in the caller's transaction, so that
-- concurrent writers, also on several instances, serialise and the chain never forks.
CREATE TABLE audit_head (
    id   INTEGER  NOT NULL PRIMARY KEY,
    seq  BIGINT   NOT NULL,
    hash VARCHAR(64) NOT NULL,
    CONSTRAINT ck_audit_head_one_row CHECK (id = 1)
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed checkpoints: HMAC-SHA256 over (seq, head hash, time) with the key from declass.audit.checkpoint-key.
CREATE TABLE audit_checkpoint (
    seq       BIGINT       NOT NULL PRIMARY KEY,
    head_hash VARCHAR(64)  NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    signature VARCHAR(128) NOT NULL,
    key_id    VARCHAR(16)  NOT NULL
);
