-- What rotation planning knows of a school besides the registry: its strength (1 weakest to 5 strongest) and its
-- group (集团), and the posts approved for it per subject (核定), against which its teachers make it over- or
-- under-staffed.
CREATE TABLE school_profiles (
    school_id  uuid    PRIMARY KEY REFERENCES known_schools (id),
    strength   integer NOT NULL CHECK (strength BETWEEN 1 AND 5),
    group_name text
);
CREATE TABLE school_posts (
    school_id uuid    NOT NULL REFERENCES known_schools (id),
    subject   text    NOT NULL,
    approved  integer NOT NULL CHECK (approved BETWEEN 0 AND 500),
    PRIMARY KEY (school_id, subject)
);

-- A year's 交流轮岗 plan: generated as a draft, edited, then submitted, approved, in effect and completed.
CREATE TABLE rotation_plans (
    id             uuid        PRIMARY KEY,
    district_code  text        NOT NULL,
    year           integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    reference_date date        NOT NULL,
    policy         jsonb       NOT NULL,
    eligible       jsonb       NOT NULL,
    explanations   jsonb       NOT NULL,
    status         text        NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'in_effect', 'completed')),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rotation_plans_district ON rotation_plans (district_code, year);

CREATE TABLE rotation_assignments (
    plan_id        uuid    NOT NULL REFERENCES rotation_plans (id) ON DELETE CASCADE,
    teacher_id     uuid    NOT NULL REFERENCES teachers (id),
    from_school_id uuid    NOT NULL,
    to_school_id   uuid    NOT NULL,
    subject        text    NOT NULL,
    backbone       boolean NOT NULL,
    manual         boolean NOT NULL DEFAULT false,
    term_years     integer NOT NULL CHECK (term_years BETWEEN 1 AND 6),
    outcome        text    CHECK (outcome IN ('returned', 'stayed')),
    PRIMARY KEY (plan_id, teacher_id)
);

-- Every step of a plan: who, when, what.
CREATE TABLE rotation_plan_events (
    plan_id uuid        NOT NULL REFERENCES rotation_plans (id) ON DELETE CASCADE,
    at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    action  text        NOT NULL,
    actor   text        NOT NULL,
    detail  text
);
CREATE INDEX rotation_plan_events_plan ON rotation_plan_events (plan_id, at);
