-- CURRENT_TIMESTAMP is the start of the transaction on PostgreSQL: a row written late in a long transaction would
-- look settled (older than search.SearchEngine.SETTLE_SECONDS) before it commits. The insert time from the clock.
ALTER TABLE search_change ALTER COLUMN created_at SET DEFAULT clock_timestamp();
