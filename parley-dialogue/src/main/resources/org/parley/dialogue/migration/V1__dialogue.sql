-- Parley dialogue ledger and channel notices, schema 1. Runs unchanged on SQLite and PostgreSQL.
-- Both tables are append-only logs; state is their fold (DialogueLedger, ChannelPolicy). The body is
-- the event as JSON (instants as ISO-8601 UTC), so a row reads the same in any SQL console.

CREATE TABLE dialogue_event (
    seq         BIGINT NOT NULL PRIMARY KEY,  -- order recorded, 1, 2, ...
    kind        TEXT   NOT NULL,              -- request | accepted | declined | countered | no-response
    request_id  TEXT   NOT NULL,
    body        TEXT   NOT NULL
);
CREATE INDEX dialogue_event_request ON dialogue_event (request_id);

CREATE TABLE channel_notice (
    seq        BIGINT NOT NULL PRIMARY KEY,
    notice_id  TEXT   NOT NULL UNIQUE,
    body       TEXT   NOT NULL
);
