-- Parley hotline store, schema 3: listings read pages from the database, newest first (issue 16).
--
-- Partial indexes over the categories people acknowledge (SAFETY, DIALOGUE, NOTICE, ROUTINE), in
-- the order the listings read them. Link tests, receipts and acks never enter them, so a page of
-- LIMIT n reads n index entries (plus the OFFSET skipped) whatever else the tables hold. The
-- queries in JdbcStore repeat the predicate word for word: SQLite uses a partial index only when a
-- term of the query's WHERE is the index's WHERE term (sqlite.org/partialindex.html, section 2.1),
-- PostgreSQL only when it can prove that the query's WHERE implies it (manual, "Partial Indexes"),
-- and neither can see through a bound parameter. The store contract's plan test catches a drift.
--
-- The pending-outbox count of /metrics needs no index of its own: outbox_due leads with status.
CREATE INDEX inbox_listing ON inbox (received_micros, from_party, envelope_id)
    WHERE category IN ('SAFETY', 'DIALOGUE', 'NOTICE', 'ROUTINE');

CREATE INDEX outbox_listing ON outbox (created_micros, envelope_id)
    WHERE category IN ('SAFETY', 'DIALOGUE', 'NOTICE', 'ROUTINE');
