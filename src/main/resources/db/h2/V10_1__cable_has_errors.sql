-- Issue 4 (scale), H2: the "has errors" filter (error_count > 0) read from an index in list order instead of testing
-- every cable of a state. A generated column, so the database keeps it with error_count on every insert and update
-- (the bulk importer's JDBC inserts and the entity's updates alike). H2 puts NULL first in an ascending index, so
-- reading these backwards gives the list's "cable_date desc nulls last, id desc" (see V7).
ALTER TABLE cable ADD COLUMN has_errors BOOLEAN GENERATED ALWAYS AS (error_count > 0);
CREATE INDEX ix_cable_state_errors ON cable (state, has_errors, cable_date, id);
CREATE INDEX ix_cable_errors ON cable (has_errors, cable_date, id);
