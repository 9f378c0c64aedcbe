-- Issue 4 (scale): indexes that let the cable list read its page in order and stop, instead of sorting every
-- match, at 250,000 cables. The list orders by (cable_date, id) after the columns a filter fixes (see
-- CableRepository.orderBy); V1 has (level_rank, ...), (origin, ...) and (state, ...) each followed by
-- (cable_date, id).

-- origin and level together (the most common pair of filters)
CREATE INDEX ix_cable_origin_level ON cable (origin, level_rank, cable_date, id);

-- the "declass" order (declass_date nulls last, id), which ix_cable_declass (declass_date) cannot give
CREATE INDEX ix_cable_declass_order ON cable (declass_date NULLS LAST, id);
