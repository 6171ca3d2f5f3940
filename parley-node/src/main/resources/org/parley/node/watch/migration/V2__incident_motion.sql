-- Parley encounter watch, schema 2: each unit's last report at each change of an incident (issue 18,
-- the console's incident view): position, time, course and speed over ground as the track table held
-- them when the engine raised the change, so the predicted paths can be drawn again at any later
-- time, from what the watch knew then. A unit whose report gave no course or speed has NULL there.
CREATE TABLE incident_motion (
    incident_id     VARCHAR(64)  NOT NULL,
    seq             INTEGER      NOT NULL,
    unit            CHAR(1)      NOT NULL,
    time_micros     BIGINT       NOT NULL,
    lat             DOUBLE PRECISION NOT NULL,
    lon             DOUBLE PRECISION NOT NULL,
    course_degrees  DOUBLE PRECISION,
    speed_knots     DOUBLE PRECISION,
    PRIMARY KEY (incident_id, seq, unit)
);
