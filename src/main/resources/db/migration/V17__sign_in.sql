-- Issue 15: sign-in an office can trust. Portable SQL for H2 2.x and PostgreSQL 15.

-- Accounts: disabled accounts cannot sign in and their sessions end; source LOCAL (password here) or SSO (an
-- identity provider vouches; no usable password); a TOTP secret once the second factor is enrolled, and the last
-- time step used (a code is accepted once).
ALTER TABLE app_user ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD COLUMN source VARCHAR(10) DEFAULT 'LOCAL' NOT NULL;
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;
ALTER TABLE app_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;

-- Server-side sessions: the browser holds a random token; the row is keyed by the token's SHA-256, so a copy of the
-- database opens no session. Signing out, an idle or absolute timeout, or disabling the account ends it (ended_at)
-- on every instance. An SSO session keeps the roles and clearance its token's claims gave at sign-in.
CREATE TABLE web_session (
    id                    VARCHAR(64)  NOT NULL,
    username              VARCHAR(64)  NOT NULL,
    source                VARCHAR(10)  NOT NULL,
    roles                 VARCHAR(200),
    clearance             VARCHAR(20),
    noforn                BOOLEAN,
    second_factor_pending BOOLEAN      NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at              TIMESTAMP WITH TIME ZONE,
    end_reason            VARCHAR(20),
    client_address        VARCHAR(64),
    CONSTRAINT pk_web_session PRIMARY KEY (id)
);
CREATE INDEX ix_web_session_user ON web_session (username);

-- Failed sign-ins per subject ('account:<name>' or 'address:<ip>') within the current window, shared by every
-- instance; blocked_until answers 429 without checking a password.
CREATE TABLE sign_in_throttle (
    subject       VARCHAR(120) NOT NULL,
    failures      INTEGER      NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE,
    lockouts      INTEGER      NOT NULL,
    CONSTRAINT pk_sign_in_throttle PRIMARY KEY (subject)
);

-- A failed sign-in's attempted user name, cleaned, apart from the actor (who is 'anonymous').
ALTER TABLE audit_entry ADD COLUMN attempted_name VARCHAR(200);
