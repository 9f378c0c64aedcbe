-- Issue 4 (scale), PostgreSQL only. The list's default order is "cable_date desc nulls last, id desc". H2 puts
-- NULL first in an ascending index, so reading V1's (…, cable_date, id) indexes backwards gives that order; a
-- PostgreSQL b-tree puts NULL last, so read backwards it gives "desc nulls first" and the planner sorts every
-- match instead. These indexes hold the list order itself (read forwards: newest first; backwards: oldest first).
CREATE INDEX ix_cable_list_date ON cable (cable_date DESC NULLS LAST, id DESC);
CREATE INDEX ix_cable_list_level ON cable (level_rank, cable_date DESC NULLS LAST, id DESC);
CREATE INDEX ix_cable_list_origin ON cable (origin, cable_date DESC NULLS LAST, id DESC);
CREATE INDEX ix_cable_list_origin_level ON cable (origin, level_rank, cable_date DESC NULLS LAST, id DESC);
CREATE INDEX ix_cable_list_state ON cable (state, cable_date DESC NULLS LAST, id DESC);

-- V1's and V7's (…, cable_date, id) indexes stay: they serve the equality filters and date ranges, and later
-- migrations may name them.
