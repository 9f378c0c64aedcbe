-- The release sweep (issue 7) no longer writes the reading room's word index inside its release transactions:
-- each released version gets a row here, in the transaction that releases it, and a second thread
-- (release.ReleaseIndex.drain) indexes the queued versions on the other core while the sweep goes on releasing.
-- A row leaves the queue in the transaction that writes the version's postings, so a crash loses nothing: the next
-- start or sweep indexes what is still queued.
CREATE TABLE release_index_queue (
    version_id BIGINT NOT NULL PRIMARY KEY,
    CONSTRAINT fk_release_index_queue_version FOREIGN KEY (version_id) REFERENCES released_version (id)
);

-- Versions frozen before the reading room's index existed (or by a build without it) are queued once here; the
-- start indexes them (it used to look for them with a scan of every released version at each start).
INSERT INTO release_index_queue (version_id)
SELECT v.id FROM released_version v
WHERE NOT EXISTS (SELECT 1 FROM release_listing l WHERE l.cable_id = v.cable_id);

-- Each index on release_term costs one more B-tree insert per posting (tens per released cable).
-- ix_release_term_cable served only "DELETE FROM release_term WHERE cable_id = ?" when a new version replaces a
-- cable's postings; release.ReleaseIndex now deletes the earlier version's terms through the unique index
-- ux_release_term (term, sort_day, cable_id) instead.
DROP INDEX ix_release_term_cable;
