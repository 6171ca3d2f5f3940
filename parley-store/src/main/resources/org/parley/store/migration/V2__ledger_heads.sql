-- Parley hotline store, schema 2: the ledger's tree heads become durable (issue 10), so a restart
-- keeps the baseline of the next consistency check and the countersigned heads proof bundles need.

-- Find an envelope's leaf from its bytes alone (leaf hash = SHA-256(0x00 || canonical bytes)).
CREATE INDEX ledger_leaves_hash ON ledger_leaves (leaf_hash);

-- One row per tree head, in the order saved:
--   OWN                a head this node signed;
--   OWN_COUNTERSIGNED  one of our heads with the peer's countersignature (for proof bundles);
--   PEER               the peer's head, countersigned by us after its consistency proof checked.
-- The columns are the fields signed (RFC 9162 section 4.10 TreeHeadDataV2 as HeadSigning lays them
-- out), so each signature can be re-checked from the row alone.
CREATE TABLE ledger_heads (
    seq                ${identity},
    kind               TEXT    NOT NULL,
    tree_size          BIGINT  NOT NULL,
    root_hash          ${blob} NOT NULL,
    timestamp_millis   BIGINT  NOT NULL,
    signature          ${blob} NOT NULL,
    countersignature   ${blob}
);
CREATE INDEX ledger_heads_kind ON ledger_heads (kind, seq);
