-- Issue 4 (scale): the bulk import writes every index of a cable row. ix_cable_declass (declass_date) duplicates the
-- leading column of V7's ix_cable_declass_order (declass_date NULLS LAST, id), which serves every query that reads
-- declass_date (the "declass" list order; no query filters on it alone). Portable SQL for H2 2.x and PostgreSQL 15.
DROP INDEX ix_cable_declass;
