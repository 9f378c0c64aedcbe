package org.declass.audit;

/** What an entry records. The names are stable: they are part of the canonical form and of the API. */
public enum AuditAction {
    CABLE_INGESTED,
    MARKING_CHANGED,
    REDACTION_ADDED,
    REDACTION_REMOVED,
    STATE_CHANGED,
    /** A paragraph was marked "release" or "withhold in full", with its codes. */
    DISPOSITION_CHANGED,
    CABLE_APPROVED,
    CABLE_RELEASED,
    /** An approver recorded the day the event of an event-based declassification instruction occurred. */
    RELEASE_EVENT_RECORDED,
    /** Demo mode: someone moved the demo clock ("jump to a date"). */
    CLOCK_MOVED,
    /** An administrator added an exemption code or changed its description. */
    EXEMPTION_CODE_CHANGED,
    ACCOUNT_CREATED,
    ACCOUNT_CHANGED,
    ROLES_CHANGED,
    LOGIN_SUCCEEDED,
    /**
     * Failed sign-ins from one client address and mechanism, counted over a flush interval (actor {@code anonymous};
     * the cleaned names tried in attempted_name), or the summary of those over the cap of one flush.
     */
    LOGIN_FAILED,
    /** A session ended: signed out, timed out, or ended because the account was disabled; the note says which. */
    LOGOUT,
    /** Classified paragraph text was returned to a reader; the note lists the portions. */
    PORTIONS_READ,
    /** The original text of a classified cable was returned as a whole. */
    ORIGINAL_READ,
    AUDIT_QUERIED,
    AUDIT_EXPORTED,
    AUDIT_VERIFIED,
    /** An administrator disabled or enabled an account, or reset its password or second factor (AccountAdmin). */
    ACCOUNT_DISABLED, ACCOUNT_ENABLED, PASSWORD_RESET, SECOND_FACTOR_RESET,
    /** A backup of the database and the key files was written (backup.BackupService); the note names the file. */
    BACKUP_CREATED,
    /**
     * The first start after a restore verified the restored trail (backup.RestoreCheck); the note names the backup
     * and, when the restore was older than a signed checkpoint known elsewhere, the entries it lost.
     */
    BACKUP_RESTORED,
    /**
     * A reviewer dismissed a suggested redaction (issue 18, part 3), with a reason; the span and the suggested code
     * are recorded, the text is not.
     */
    SUGGESTION_REJECTED
}
