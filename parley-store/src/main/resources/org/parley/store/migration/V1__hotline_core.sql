-- Parley hotline store, schema 1. The same script runs on SQLite and PostgreSQL; the two
-- differences are Flyway placeholders: ${blob} (BLOB | BYTEA) and ${identity} (row id column).
-- Instants are UTC microseconds since the epoch (BIGINT), so ordering and arithmetic match.

-- Sender side (DESIGN decision 3): committed before the first send, retried until a receipt.
CREATE TABLE outbox (
    envelope_id          TEXT    NOT NULL PRIMARY KEY,
    to_party             TEXT    NOT NULL,
    precedence_rank      INTEGER NOT NULL,  -- 0 FLASH .. 3 ROUTINE: served first
    category             TEXT    NOT NULL,
    created_micros       BIGINT  NOT NULL,
    canonical            ${blob} NOT NULL,  -- exactly the signed bytes
    signature            TEXT    NOT NULL,  -- base64url Ed25519
    status               TEXT    NOT NULL,  -- PENDING | DELIVERED
    attempts             INTEGER NOT NULL,
    next_attempt_micros  BIGINT  NOT NULL,
    last_error           TEXT,
    delivered_micros     BIGINT
);
CREATE INDEX outbox_due ON outbox (status, precedence_rank, created_micros, next_attempt_micros);

-- Receiver side: one row per (sender party, envelope id), keeping the bytes as received.
CREATE TABLE inbox (
    from_party       TEXT    NOT NULL,
    envelope_id      TEXT    NOT NULL,
    precedence_rank  INTEGER NOT NULL,
    category         TEXT    NOT NULL,
    created_micros   BIGINT  NOT NULL,
    received_micros  BIGINT  NOT NULL,
    canonical        ${blob} NOT NULL,
    signature        TEXT    NOT NULL,
    sha256           TEXT    NOT NULL,  -- over the received frame, as quoted in the receipt
    PRIMARY KEY (from_party, envelope_id)
);
CREATE INDEX inbox_received ON inbox (received_micros);

-- Signed receipts: ISSUED by us for inbox rows, RECEIVED from the peer for outbox rows.
CREATE TABLE receipts (
    direction       TEXT    NOT NULL,
    party           TEXT    NOT NULL,   -- sender of the receipted envelope
    envelope_id     TEXT    NOT NULL,   -- the receipted envelope
    receipt_id      TEXT    NOT NULL,
    stored_micros   BIGINT  NOT NULL,
    canonical       ${blob} NOT NULL,
    signature       TEXT    NOT NULL,
    PRIMARY KEY (direction, party, envelope_id)
);

-- Signed human acknowledgments: SENT by our duty officer, RECEIVED from the peer's.
CREATE TABLE acknowledgments (
    direction            TEXT    NOT NULL,
    party                TEXT    NOT NULL,  -- sender of the acknowledged envelope
    envelope_id          TEXT    NOT NULL,
    ack_id               TEXT    NOT NULL,
    role                 TEXT    NOT NULL,
    acknowledged_micros  BIGINT  NOT NULL,
    canonical            ${blob} NOT NULL,
    signature            TEXT    NOT NULL,
    PRIMARY KEY (direction, party, envelope_id)
);

CREATE TABLE audit_log (
    seq         ${identity},
    at_micros   BIGINT NOT NULL,
    actor       TEXT   NOT NULL,
    action      TEXT   NOT NULL,
    subject     TEXT   NOT NULL,
    detail      TEXT   NOT NULL
);

-- parley-ledger's LeafStore: leaf hashes in log order (RFC 9162).
CREATE TABLE ledger_leaves (
    leaf_index  BIGINT  NOT NULL PRIMARY KEY,
    leaf_hash   ${blob} NOT NULL
);
