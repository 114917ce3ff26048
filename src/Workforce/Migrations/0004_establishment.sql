-- Enrolment per school, stage and year, kept from Planning's EnrolmentRecorded (the newest totals win).
CREATE TABLE school_enrolment (
    school_id   uuid        NOT NULL,
    year        integer     NOT NULL,
    stage       text        NOT NULL,
    pupils      integer     NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (school_id, year, stage)
);

-- The district's official forecast, kept from PlaceDemandForecastPublished (the newest publication replaces the last).
CREATE TABLE forecast_demand (
    district_code text    NOT NULL,
    zone_id       uuid    NOT NULL,
    stage         text    NOT NULL,
    year          integer NOT NULL,
    pupils        numeric NOT NULL,
    PRIMARY KEY (district_code, zone_id, stage, year)
);
CREATE TABLE forecast_publications (
    district_code text        PRIMARY KEY,
    forecast_id   uuid        NOT NULL,
    scenario_name text        NOT NULL,
    base_year     integer     NOT NULL,
    published_at  timestamptz NOT NULL
);

-- Pupils per teacher by stage, where a district sets its own (the defaults are in code).
CREATE TABLE staffing_ratios (
    district_code      text    NOT NULL,
    stage              text    NOT NULL,
    pupils_per_teacher numeric NOT NULL CHECK (pupils_per_teacher > 0 AND pupils_per_teacher <= 100),
    PRIMARY KEY (district_code, stage)
);

-- Each staffing requirement Facilities raised, and what Workforce answered (once per project and milestone).
CREATE TABLE staffing_requirements (
    project_id      uuid        NOT NULL,
    milestone       text        NOT NULL,
    district_code   text        NOT NULL,
    school_id       uuid        NOT NULL,
    stage           text        NOT NULL,
    classes         integer     NOT NULL,
    places          integer     NOT NULL,
    from_date       date        NOT NULL,
    teachers_needed integer     NOT NULL,
    surplus         integer     NOT NULL,
    outcome         text        NOT NULL CHECK (outcome IN ('committed', 'risk')),
    received_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (project_id, milestone)
);
