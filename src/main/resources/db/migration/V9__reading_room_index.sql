-- The reading room (issue 6): what the public can find, built from released text only.
--
-- release_listing: one row per released cable, its latest released version, with the few columns a result list
-- shows; the large frozen document stays in released_version and is read only when one cable is opened.
--
-- release_term: the word index of the frozen released_text (never of the stored cable text, so a withheld word can
-- never match or change a count), plus filter terms 'origin:<post>' and 'tag:<tag>' and '*' (every released
-- cable). Rows are ordered by (term, sort_day DESC, cable_id DESC), the reading room's order (newest cable first), so a
-- query reads the postings of its rarest term from the top of the index, checks every other term with an index
-- lookup, and stops at the page size. sort_day = the cable's date as days since 1970-01-01 (0 when unknown).
-- Both tables are rewritten for a cable whenever a new version is frozen (release.ReleaseIndex).
-- Portable SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE release_listing (
    cable_id     BIGINT        NOT NULL PRIMARY KEY,
    version_id   BIGINT        NOT NULL,
    version_no   INTEGER       NOT NULL,
    sort_day     INTEGER       NOT NULL,
    reference    VARCHAR(64)   NOT NULL,
    origin       VARCHAR(64),
    cable_date   DATE,
    subject      VARCHAR(2000),
    tags         VARCHAR(1000),
    former_banner VARCHAR(200) NOT NULL,
    released_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_release_listing_version FOREIGN KEY (version_id) REFERENCES released_version (id)
);
CREATE INDEX ix_release_listing_order ON release_listing (sort_day DESC, cable_id DESC);

CREATE TABLE release_term (
    term     VARCHAR(72) NOT NULL,
    sort_day INTEGER     NOT NULL,
    cable_id BIGINT      NOT NULL
);
CREATE UNIQUE INDEX ux_release_term ON release_term (term, sort_day DESC, cable_id DESC);
CREATE INDEX ix_release_term_cable ON release_term (cable_id);
