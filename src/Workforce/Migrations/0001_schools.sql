-- Read model of Planning's school registry: the schools teachers are appointed to.
CREATE TABLE schools (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    district_code text        NOT NULL,
    stage         text        NOT NULL,
    classes       integer     NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
