-- Marking validator: suggested fixes on findings, and the marking facts of each cable, so that findings can be
-- recomputed after a reviewer's marking change without parsing the original again.
ALTER TABLE cable_finding ADD COLUMN suggestion_action VARCHAR(40);
ALTER TABLE cable_finding ADD COLUMN suggestion_label  VARCHAR(300);
ALTER TABLE cable_finding ADD COLUMN suggestion_mark   VARCHAR(100);
ALTER TABLE cable_text ADD COLUMN marking_json VARCHAR(1000000);
