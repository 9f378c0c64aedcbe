-- H2: audit_entry and audit_checkpoint are append-only. The trigger class rejects every UPDATE and DELETE.
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry FOR EACH ROW
    CALL 'org.declass.audit.H2AppendOnlyTrigger';
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE, DELETE ON audit_checkpoint FOR EACH ROW
    CALL 'org.declass.audit.H2AppendOnlyTrigger';
