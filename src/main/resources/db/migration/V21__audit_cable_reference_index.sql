-- Issue 19: the audit trail's filter takes a cable's reference id (01TASHKENT2204) as well as its id; the reference
-- is resolved to the id from the trail itself (audit.AuditRows.cableIdOf), through this index. H2 and PostgreSQL.
CREATE INDEX ix_audit_cable_reference ON audit_entry (cable_reference, seq);
