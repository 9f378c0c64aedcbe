-- Issue 4 (scale): a search's page read from the word index in list order. Each word row carries its cable's date
-- (cable_day; an undated cable gets 1600-01-01, which sorts exactly where the list puts a NULL date: last when
-- newest first, first when oldest first), and ix_cable_term_day orders a word's rows by (cable_day, cable_id) with
-- the marking columns after them. Page 0 of a word then reads its first 50 index entries (newest first: the index
-- read backwards) and only those 50 cables, where it read and sorted every matching cable before; a further word's
-- test is one look-up of (term, cable_day, cable_id) in the same index, which holds the marking columns it checks.
-- The primary key (term, cable_id) goes: no query looks a row up by it any more (every word test names the day),
-- and each insert would keep a second index ordered by word, which costs the bulk import as much as this one.
-- One row per word and cable is kept by the writers: CableTerms.of gives each word once, a cable's rows are written
-- once (ingest) or deleted and rewritten (SearchIndex.replace), and the kept counts are checked against the rows
-- by the tests. Portable SQL for H2 2.x and PostgreSQL 15; the date never changes after ingest (Cable's
-- constructor sets it).
ALTER TABLE cable_term ADD COLUMN cable_day DATE;
ALTER TABLE cable_term DROP CONSTRAINT pk_cable_term;
UPDATE cable_term t SET cable_day = COALESCE((SELECT c.cable_date FROM cable c WHERE c.id = t.cable_id),
                                             DATE '1600-01-01');
ALTER TABLE cable_term ALTER COLUMN cable_day SET NOT NULL;
CREATE INDEX ix_cable_term_day ON cable_term (term, cable_day, cable_id, level_rank, foreign_restricted);
