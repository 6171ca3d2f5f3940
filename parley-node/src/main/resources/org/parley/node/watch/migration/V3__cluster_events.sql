-- Parley encounter watch, schema 2: incident events taken from the Flink job (watch feed kind kafka,
-- issue 21). One row per event stored, keyed by the job's incident id, the event's kind and level
-- (an incident opens once, escalates to each level once and closes once), written in the same
-- transaction as the incident's change. A node that reads the topic again after a restart (its
-- consumer offsets were not committed yet) finds the event here and does not store it twice, and
-- a later event of the same job incident finds our incident by job_incident after a restart.
CREATE TABLE cluster_event (
    event_key       VARCHAR(200) NOT NULL PRIMARY KEY,
    job_incident    VARCHAR(160) NOT NULL,
    incident_id     VARCHAR(64)  NOT NULL,
    stored_micros   BIGINT       NOT NULL
);
CREATE INDEX cluster_event_job ON cluster_event (job_incident);
