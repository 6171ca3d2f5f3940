-- Parley encounter watch, schema 1: incidents kept in the node's store (issue 17, point 2).
--
-- One row per incident (an encounter between two units from OPENED to CLOSED), one row per change
-- of level with the geometry that caused it, one row per hotline notice the incident called for
-- (sent at once, drafted for the duty officer, or discarded with a reason), and the peer's FLASH
-- messages about the same pair. Times are microseconds since the epoch (UTC), as in parley-store.
-- These tables have their own Flyway history table (flyway_watch_history) beside parley-store's.
CREATE TABLE incident (
    incident_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    pair_key        VARCHAR(64)  NOT NULL,
    domain          VARCHAR(8)   NOT NULL,
    unit_a          VARCHAR(400) NOT NULL,
    unit_b          VARCHAR(400) NOT NULL,
    party_a         VARCHAR(32)  NOT NULL,
    party_b         VARCHAR(32)  NOT NULL,
    level           VARCHAR(16)  NOT NULL,
    opened_micros   BIGINT       NOT NULL,
    updated_micros  BIGINT       NOT NULL,
    closed_micros   BIGINT
);

-- At most one open incident per pair: a restart finds it again by the pair, not by the engine's id.
CREATE UNIQUE INDEX incident_open_pair ON incident (pair_key) WHERE closed_micros IS NULL;
CREATE INDEX incident_recent ON incident (updated_micros, incident_id);

CREATE TABLE incident_change (
    incident_id     VARCHAR(64)  NOT NULL,
    seq             INTEGER      NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    level           VARCHAR(16)  NOT NULL,
    time_micros     BIGINT       NOT NULL,
    range_metres    DOUBLE PRECISION NOT NULL,
    bearing_degrees DOUBLE PRECISION NOT NULL,
    cpa_metres      DOUBLE PRECISION NOT NULL,
    tcpa_seconds    DOUBLE PRECISION NOT NULL,
    vertical_feet   DOUBLE PRECISION,
    lat_a           DOUBLE PRECISION NOT NULL,
    lon_a           DOUBLE PRECISION NOT NULL,
    lat_b           DOUBLE PRECISION NOT NULL,
    lon_b           DOUBLE PRECISION NOT NULL,
    closest_micros  BIGINT       NOT NULL,
    summary         VARCHAR(2000) NOT NULL,
    PRIMARY KEY (incident_id, seq)
);

-- The key is the promise "one FLASH per incident and level", kept across restarts.
CREATE TABLE incident_notice (
    incident_id     VARCHAR(64)  NOT NULL,
    level           VARCHAR(16)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    envelope_id     VARCHAR(64),
    payload         TEXT         NOT NULL,
    created_micros  BIGINT       NOT NULL,
    decided_micros  BIGINT,
    decided_by      VARCHAR(200),
    reason          VARCHAR(2000),
    PRIMARY KEY (incident_id, level)
);

CREATE TABLE incident_peer (
    incident_id     VARCHAR(64)  NOT NULL,
    from_party      VARCHAR(32)  NOT NULL,
    envelope_id     VARCHAR(64)  NOT NULL,
    peer_incident   VARCHAR(64)  NOT NULL,
    received_micros BIGINT       NOT NULL,
    summary         TEXT         NOT NULL,
    PRIMARY KEY (incident_id, from_party, envelope_id)
);
