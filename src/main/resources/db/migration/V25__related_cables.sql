-- Issue 20, part 1: related cables. Fingerprints of each cable's body, kept beside the cables by RelatedIndex (at
-- start, on an interval, and for a cable asked about): no cable text, only hashes. Portable SQL for H2 2.x and
-- PostgreSQL 15. A cable removed takes its rows with it.

CREATE TABLE cable_fingerprint (
    cable_id   BIGINT        NOT NULL,
    body_hash  VARCHAR(64)   NOT NULL,
    words      INTEGER       NOT NULL,
    minhash    VARCHAR(1024) NOT NULL,
    CONSTRAINT pk_cable_fingerprint PRIMARY KEY (cable_id),
    CONSTRAINT fk_cable_fingerprint_cable FOREIGN KEY (cable_id) REFERENCES cable (id) ON DELETE CASCADE
);
CREATE INDEX ix_cable_fingerprint_body ON cable_fingerprint (body_hash);

-- MinHash bands (32 of 4 values): two cables sharing a band are candidates for near-duplicates
CREATE TABLE cable_band (
    band      SMALLINT NOT NULL,
    bucket    BIGINT   NOT NULL,
    cable_id  BIGINT   NOT NULL,
    CONSTRAINT pk_cable_band PRIMARY KEY (band, bucket, cable_id),
    CONSTRAINT fk_cable_band_cable FOREIGN KEY (cable_id) REFERENCES cable (id) ON DELETE CASCADE
);
CREATE INDEX ix_cable_band_cable ON cable_band (cable_id);

-- paragraphs of at least 8 words, hashed: the same hash in two cables is a shared (quoted, repeated) passage
CREATE TABLE cable_passage (
    hash      VARCHAR(64) NOT NULL,
    cable_id  BIGINT      NOT NULL,
    seq       INTEGER     NOT NULL,
    CONSTRAINT pk_cable_passage PRIMARY KEY (hash, cable_id, seq),
    CONSTRAINT fk_cable_passage_cable FOREIGN KEY (cable_id) REFERENCES cable (id) ON DELETE CASCADE
);
CREATE INDEX ix_cable_passage_cable ON cable_passage (cable_id);

-- the cable ids a cable's REF lines cite, stored or not: "referenced by" reads it backwards
CREATE TABLE cable_ref (
    reference  VARCHAR(64) NOT NULL,
    cable_id   BIGINT      NOT NULL,
    CONSTRAINT pk_cable_ref PRIMARY KEY (reference, cable_id),
    CONSTRAINT fk_cable_ref_cable FOREIGN KEY (cable_id) REFERENCES cable (id) ON DELETE CASCADE
);
CREATE INDEX ix_cable_ref_cable ON cable_ref (cable_id);
