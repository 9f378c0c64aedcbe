-- Issue 4 (scale): exact search totals without reading the matches. For each word of the search index and each
-- marking a word row can carry (level_rank, foreign_restricted), the number of cables indexed under it: one
-- cable_term row per (term, cable), so a single-word search's total for a reader is the sum of the buckets the
-- reader may match on (level_rank <= clearance, and foreign_restricted = false without NOFORN eligibility), the same
-- condition the rows are found by. Kept at ingest, in the transaction that writes the cable_term rows
-- (cable.SearchIndex.addFrequencies). Portable SQL for H2 2.x and PostgreSQL 15.
CREATE TABLE cable_term_frequency (
    term               VARCHAR(64) NOT NULL,
    level_rank         SMALLINT    NOT NULL,
    foreign_restricted BOOLEAN     NOT NULL,
    cables             BIGINT      NOT NULL,
    CONSTRAINT pk_cable_term_frequency PRIMARY KEY (term, level_rank, foreign_restricted)
);

INSERT INTO cable_term_frequency (term, level_rank, foreign_restricted, cables)
SELECT term, level_rank, foreign_restricted, COUNT(*) FROM cable_term GROUP BY term, level_rank, foreign_restricted;

-- has_errors (error_count > 0), a generated column with its list-order indexes, is in db/h2/V10_1 and
-- db/postgresql/V10_1: the two engines spell generated columns differently.
