-- Word search at 250,000 cables: a term index filled at ingest instead of LIKE '%q%' over every row.
-- Terms come from the reference, the origin, the tags (readable by anyone who may list the cable) and the subject
-- (readable only within its own marking): each term row carries the marking a reader needs to match on it, so that a
-- search never reveals a subject the reader may not read. Portable SQL for H2 2.x and PostgreSQL 15.
CREATE TABLE cable_term (
    term               VARCHAR(64) NOT NULL,
    cable_id           BIGINT      NOT NULL,
    level_rank         SMALLINT    NOT NULL,
    foreign_restricted BOOLEAN     NOT NULL,
    CONSTRAINT pk_cable_term PRIMARY KEY (term, cable_id),
    CONSTRAINT fk_cable_term_cable FOREIGN KEY (cable_id) REFERENCES cable (id)
);
CREATE INDEX ix_cable_term_cable ON cable_term (cable_id);

-- One-off tasks the application runs at its next start; here: index the cables stored before this migration.
CREATE TABLE schema_task (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO schema_task (name) SELECT 'cable_term_backfill' FROM cable HAVING COUNT(*) > 0;
