-- Teachers (教师) of the district system (区管校聘: "系统人"), keyed by the bureau's staff number, with their
-- current school and their whole school history (postings).
CREATE TABLE teachers (
    id              uuid        PRIMARY KEY,
    staff_number    text        NOT NULL UNIQUE,
    name            text        NOT NULL,
    gender          text        NOT NULL CHECK (gender IN ('male', 'female')),
    birth_date      date        NOT NULL,
    district_code   text        NOT NULL,
    school_id       uuid        NOT NULL REFERENCES known_schools (id),
    at_school_since date        NOT NULL,
    subjects        text[]      NOT NULL CHECK (cardinality(subjects) BETWEEN 1 AND 5),
    title           text        NOT NULL,
    backbone        text        NOT NULL CHECK (backbone IN ('none', 'school', 'district', 'city', 'special')),
    establishment   text        NOT NULL CHECK (establishment IN ('in_establishment', 'contract')),
    hired_on        date,
    role            text        NOT NULL CHECK (role IN ('teacher', 'principal')),
    exemption       text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX teachers_school ON teachers (school_id);
CREATE INDEX teachers_district ON teachers (district_code, name);

-- Where a teacher taught, from and to (to is null for the current school).
CREATE TABLE teacher_postings (
    teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
    school_id  uuid NOT NULL,
    from_date  date NOT NULL,
    to_date    date CHECK (to_date IS NULL OR to_date >= from_date),
    origin     text NOT NULL CHECK (origin IN ('import', 'rotation', 'appointment', 'return')),
    PRIMARY KEY (teacher_id, from_date)
);
CREATE UNIQUE INDEX teacher_postings_current ON teacher_postings (teacher_id) WHERE to_date IS NULL;
