-- Parley hotline store, schema 4: the node's work on a received envelope survives an error or a
-- crash after the inbox commit (issue 19, item 3).
--
-- A row is written in the same transaction as the inbox row and its receipt, and deleted when the
-- node has done what the envelope asks (ledger leaf, acknowledgment recorded, ack watch, ledger
-- cross-check). Rows left by an error or a crash are done again at the next start. Envelopes
-- stored before this schema were handled by the code of their time and get no row.
CREATE TABLE inbox_follow_up (
    from_party   TEXT    NOT NULL,
    envelope_id  TEXT    NOT NULL,
    PRIMARY KEY (from_party, envelope_id)
);
