-- Issue 17 (PostgreSQL at a million cables), PostgreSQL only. A finding code's page in list order, read from an
-- index in that order, as V12 does for a word: each finding row carries its cable's day (cable_day: the cable's
-- date, or 1600-01-01 for an undated cable, which sorts where the list puts a NULL date: last newest first, first
-- oldest first), and ix_finding_code_day (code, cable_day DESC, cable_id DESC) holds a code's cables in list order.
--
-- Why: "c.id IN (a code's rows) ORDER BY cable_date DESC NULLS LAST, id DESC LIMIT 50" was planned as a walk of
-- ix_cable_list_date testing every cable for the code (a semi-join per cable). The planner expects the code's cables
-- to be spread over the dates, but codes follow the date (R-EO-1: 3,614 cables of 251,287, none after 2003): the
-- newest page of R-EO-1 tested 190,000 cables, 300 ms. No statistic spans two tables, so the planner cannot know;
-- with the day on the finding row there is nothing to guess (cable.CableRepository.pageInCodeOrder, 50 entries
-- read for page 0).
--
-- A cable's date is written once, at ingest, before its findings (the bulk importer and the single ingest write the
-- cable row first, in the same transaction), so a trigger fills the day from the cable row on insert; neither
-- writer names the column, and H2 (which never reads it) does not have it.
ALTER TABLE cable_finding ADD COLUMN cable_day DATE;

UPDATE cable_finding f SET cable_day = COALESCE(c.cable_date, DATE '1600-01-01')
FROM cable c WHERE c.id = f.cable_id;

CREATE FUNCTION cable_finding_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.cable_day IS NULL THEN
        SELECT COALESCE(c.cable_date, DATE '1600-01-01') INTO NEW.cable_day FROM cable c WHERE c.id = NEW.cable_id;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER trg_cable_finding_day BEFORE INSERT ON cable_finding
    FOR EACH ROW EXECUTE FUNCTION cable_finding_day();

CREATE INDEX ix_finding_code_day ON cable_finding (code, cable_day DESC, cable_id DESC);

ANALYZE cable_finding;
