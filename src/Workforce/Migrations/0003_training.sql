-- Continuing-education records (继续教育): one per teacher, course and date, as providers report them.
CREATE TABLE training_records (
    teacher_id  uuid        NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
    course      text        NOT NULL,
    date        date        NOT NULL,
    level       text        NOT NULL CHECK (level IN ('national', 'city', 'district', 'school')),
    category    text        NOT NULL,
    hours       numeric     NOT NULL CHECK (hours > 0 AND hours <= 500),
    provider    text,
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (teacher_id, course, date)
);

-- A district's training rules; a district without rules follows the national 360 hours per 5-year cycle.
CREATE TABLE training_rules (
    district_code text    NOT NULL,
    position      integer NOT NULL,
    rule          jsonb   NOT NULL,
    PRIMARY KEY (district_code, position)
);
