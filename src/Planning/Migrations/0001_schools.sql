-- The school registry (Planning owns it). Capacity in places (学位) = classes × class-size norm at
-- registration; commissioned projects add their classes and places.
CREATE TABLE schools (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL,
    district_code   text        NOT NULL,
    stage           text        NOT NULL,
    classes         integer     NOT NULL CHECK (classes >= 0),
    class_size_norm integer     NOT NULL CHECK (class_size_norm > 0),
    places          integer     NOT NULL CHECK (places >= 0),
    registered_at   timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schools_district ON schools (district_code, name);

-- Capacity added by Facilities' commissioned projects; a project adds capacity once.
CREATE TABLE capacity_additions (
    project_id    uuid        PRIMARY KEY,
    school_id     uuid        NOT NULL REFERENCES schools (id),
    classes_added integer     NOT NULL,
    places_added  integer     NOT NULL,
    in_use_from   date        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
