-- Enrolment (在校生) by school, grade and school year (the year it starts), with the optional split into pupils
-- registered locally (户籍) and children of migrants (随迁子女).
CREATE TABLE enrolment (
    school_id  uuid        NOT NULL REFERENCES schools (id),
    grade      integer     NOT NULL CHECK (grade BETWEEN -2 AND 12),
    year       integer     NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    pupils     integer     NOT NULL CHECK (pupils >= 0),
    local      integer     CHECK (local >= 0),
    migrant    integer     CHECK (migrant >= 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, grade, year),
    CHECK (local IS NULL OR migrant IS NULL OR local + migrant = pupils)
);
