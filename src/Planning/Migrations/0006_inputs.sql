-- Births may be given per zone as well as per district: a zone's own series drives its schools' entry grades.
ALTER TABLE births ADD COLUMN zone_id uuid REFERENCES zones (id);
ALTER TABLE births DROP CONSTRAINT births_pkey;
ALTER TABLE births ADD CONSTRAINT births_area_year UNIQUE NULLS NOT DISTINCT (district_code, zone_id, year);

-- Resident population by single year of age (常住人口), where the bureau has it: the denominators of coverage
-- indicators such as 学前三年毛入园率 (ages 3-5) and 高中阶段毛入学率 (ages 15-17).
CREATE TABLE population (
    district_code text        NOT NULL REFERENCES districts (code),
    year          integer     NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    age           integer     NOT NULL CHECK (age BETWEEN 0 AND 120),
    persons       integer     NOT NULL CHECK (persons >= 0),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, year, age)
);

-- Residential developments (新建住宅项目): the dwellings a zone gains in a year, the housing input of forecasts.
CREATE TABLE housing_developments (
    district_code   text        NOT NULL REFERENCES districts (code),
    name            text        NOT NULL,
    zone_id         uuid        NOT NULL REFERENCES zones (id),
    dwellings       integer     NOT NULL CHECK (dwellings BETWEEN 1 AND 100000),
    completion_year integer     NOT NULL CHECK (completion_year BETWEEN 1949 AND 2100),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, name)
);
