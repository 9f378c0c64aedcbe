-- Issue 4 (scale): a large bulk import on H2 drops the secondary indexes of cable, cable_finding and cable_term at its
-- start and builds each again at its end, in one sorted pass instead of one random insert per row
-- (ingest.DeferredIndexes, docs/performance.md). Each row is an index that is dropped and not yet rebuilt, with the
-- statement that rebuilds it, written before the index is dropped. Whatever stops the import half-way, the rows say
-- what is missing: the import's next run or the server's next start builds each listed index and deletes its row.
CREATE TABLE deferred_index (
    index_name VARCHAR(128) NOT NULL PRIMARY KEY,
    table_name VARCHAR(128) NOT NULL,
    definition VARCHAR(2000) NOT NULL,
    deferred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
