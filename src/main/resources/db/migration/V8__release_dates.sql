-- Automatic release (issue 7): each cable's effective release date, indexed, and how it was derived.
-- release_rule_* is what the declassification instruction alone gives (org.declass.marking.ReleaseDates);
-- release_on / release_basis is the effective date after a recorded event or a later hold date. Rows stored before
-- this migration get their dates at the next start (release.ReleaseDateBackfill), which needs the exemption codes
-- from the header JSON. Portable SQL for H2 2.x and PostgreSQL 15.

ALTER TABLE cable ADD COLUMN release_on DATE;
ALTER TABLE cable ADD COLUMN release_basis VARCHAR(20);
ALTER TABLE cable ADD COLUMN release_rule_basis VARCHAR(20);
ALTER TABLE cable ADD COLUMN release_rule_on DATE;
ALTER TABLE cable ADD COLUMN release_rule VARCHAR(400);
ALTER TABLE cable ADD COLUMN event_occurred_on DATE;
ALTER TABLE cable ADD COLUMN event_recorded_by VARCHAR(64);

-- The sweep: APPROVED and due (state = 'APPROVED' AND release_on <= today), and the overdue queue (the other
-- states before release, due); a sweep that finds nothing reads no row.
CREATE INDEX ix_cable_release_due ON cable (state, release_on, id);
-- The calendar: upcoming releases by date.
CREATE INDEX ix_cable_release_on ON cable (release_on, id);
-- The backfill at start finds rows without a computed date.
CREATE INDEX ix_cable_release_rule ON cable (release_rule_basis, id);
