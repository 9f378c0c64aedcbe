-- Issue 4 (scale), PostgreSQL: the "has errors" filter (error_count > 0) read from an index in list order instead of
-- testing every cable of a state. A stored generated column, so the database keeps it with error_count on every
-- insert and update. The indexes hold the list order itself, as in V7_1 (read forwards: newest first; backwards:
-- oldest first).
ALTER TABLE cable ADD COLUMN has_errors BOOLEAN GENERATED ALWAYS AS (error_count > 0) STORED;
CREATE INDEX ix_cable_list_state_errors ON cable (state, has_errors, cable_date DESC NULLS LAST, id DESC);
CREATE INDEX ix_cable_list_errors ON cable (has_errors, cable_date DESC NULLS LAST, id DESC);
