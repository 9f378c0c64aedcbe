-- Issue 14, part 3: every part of the header is a portion. The texts stay where they are (cable.subject, cable.tags,
-- the header JSON in cable_text); this table holds a header portion's own review decisions, created when a reviewer
-- first acts on it. name: 'subject', 'ref', 'classified-by' or 'tags'. mark: a portion mark the review raised it to,
-- e.g. '(S//NF)', or null (its marking is then its own mark, else the cable's). disposition: RELEASE, WITHHOLD or
-- null. Portable SQL for H2 2.x and PostgreSQL 15.
CREATE TABLE header_portion (
    cable_id    BIGINT        NOT NULL,
    name        VARCHAR(20)   NOT NULL,
    mark        VARCHAR(100),
    disposition VARCHAR(20),
    codes       VARCHAR(400),
    note        VARCHAR(2000),
    CONSTRAINT pk_header_portion PRIMARY KEY (cable_id, name),
    CONSTRAINT fk_header_portion_cable FOREIGN KEY (cable_id) REFERENCES cable (id),
    CONSTRAINT ck_header_portion_name CHECK (name IN ('subject', 'ref', 'classified-by', 'tags'))
);

-- A redaction of a header portion names it here (paragraph_seq is then 0); null: a paragraph's redaction.
ALTER TABLE redaction ADD COLUMN portion VARCHAR(20);

-- Tag words used to be indexed at level 0 (readable by anyone who may list the cable); they now carry the tags
-- portion's marking (the cable's). The word rows are rebuilt once at the next start (SearchIndex.backfillIfNeeded,
-- the task left by V5), from the cables as they stand.
DELETE FROM cable_term_frequency;
DELETE FROM cable_term;
DELETE FROM schema_task WHERE name = 'cable_term_backfill';
INSERT INTO schema_task (name) SELECT 'cable_term_backfill' FROM cable HAVING COUNT(*) > 0;
