-- A construction project that adds classes (and so places) to a school.
CREATE TABLE projects (
    id              uuid        PRIMARY KEY,
    school_id       uuid        NOT NULL REFERENCES known_schools (id),
    name            text        NOT NULL,
    stage           text        NOT NULL,
    classes_added   integer     NOT NULL CHECK (classes_added > 0),
    places_added    integer     NOT NULL CHECK (places_added > 0),
    status          text        NOT NULL CHECK (status IN ('planned', 'commissioned')),
    in_use_from     date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    commissioned_at timestamptz
);
CREATE INDEX projects_school ON projects (school_id);
