-- A lowered marking is a proposal until approval (issue 14, part 4). A reviewer's remark that lowers a paragraph
-- (a lower level, or dropping a NOFORN/EXDIS/NODIS restriction) is stored here; the paragraph's effective marking
-- (mark_level_rank, effective_level_rank, foreign_restricted), which every reader, search and count is served,
-- stays at the higher of the old and the proposed mark until an approver approves the cable, which applies it.
-- Null when nothing is pending. Portable SQL for H2 2.x and PostgreSQL 15.

ALTER TABLE paragraph ADD COLUMN proposed_level_rank SMALLINT;
ALTER TABLE paragraph ADD COLUMN proposed_controls VARCHAR(200);
ALTER TABLE paragraph ADD COLUMN proposed_by VARCHAR(64);
