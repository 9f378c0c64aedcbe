-- Issue 4 (scale), H2: cable_term had two identical indexes on (cable_id). H2 gave the foreign key of V5's CREATE
-- TABLE an index of its own (FK_CABLE_TERM_CABLE_INDEX_*) before V5 created ix_cable_term_cable, and the bulk import
-- wrote both for each of the ~13 word rows of a cable. The foreign key is recreated on ix_cable_term_cable (H2 takes
-- an existing index on exactly the key's columns) and its own index goes with the old constraint. NOCHECK: the rows
-- were checked by the same constraint when they were written. (paragraph keeps FK_PARAGRAPH_CABLE_INDEX_* beside
-- uq_paragraph_seq (cable_id, seq): H2 only reuses an index of exactly the foreign key's columns.)
ALTER TABLE cable_term DROP CONSTRAINT fk_cable_term_cable;
ALTER TABLE cable_term ADD CONSTRAINT fk_cable_term_cable FOREIGN KEY (cable_id) REFERENCES cable (id) NOCHECK;
