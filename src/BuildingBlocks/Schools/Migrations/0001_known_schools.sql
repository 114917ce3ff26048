-- The school directory: a replica of Planning's school registry (which Planning owns), kept from its events.
-- version only grows, so an older event arriving late never overwrites a newer one.
CREATE TABLE known_schools (
    id            uuid        PRIMARY KEY,
    version       integer     NOT NULL,
    name          text        NOT NULL,
    district_code text        NOT NULL,
    zone_id       uuid        NOT NULL,
    ownership     text        NOT NULL,
    status        text        NOT NULL,
    opening_year  integer,
    stages        jsonb       NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX known_schools_district ON known_schools (district_code, name);
