-- Issue 18, part 2: find all and redact. A bulk operation redacts spans of many cables through the review aggregate;
-- these rows remember which redactions it made, so that one call can undo it. Nothing here holds cable text: not the
-- phrase or pattern searched for (it may be a source's name), only who, when, the codes and the redactions' ids.
-- Portable SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE bulk_operation (
    id          VARCHAR(36)   NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    codes       VARCHAR(400)  NOT NULL,
    CONSTRAINT pk_bulk_operation PRIMARY KEY (id)
);

-- one row per redaction the operation made; a redaction removed later (by the undo or by hand) keeps its row, and
-- the undo reports it as already removed
CREATE TABLE bulk_redaction (
    operation_id  VARCHAR(36)  NOT NULL,
    cable_id      BIGINT       NOT NULL,
    redaction_id  BIGINT       NOT NULL,
    CONSTRAINT pk_bulk_redaction PRIMARY KEY (operation_id, redaction_id),
    CONSTRAINT fk_bulk_redaction_operation FOREIGN KEY (operation_id) REFERENCES bulk_operation (id)
);
