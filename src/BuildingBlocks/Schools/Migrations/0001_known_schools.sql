-- The school directory: a replica of Planning's school registry (which Planning owns), kept from its events.
CREATE TABLE known_schools (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL,
    district_code   text        NOT NULL,
    stage           text        NOT NULL,
    classes         integer     NOT NULL,
    class_size_norm integer     NOT NULL,
    places          integer     NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX known_schools_district ON known_schools (district_code, name);
