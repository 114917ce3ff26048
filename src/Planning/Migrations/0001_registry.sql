-- Districts (区) by their GB/T 2260 code. Tianjin's 16 districts are reference data; other cities add theirs.
CREATE TABLE districts (
    code      text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name      text NOT NULL,
    city_code text NOT NULL
);
INSERT INTO districts (code, name, city_code) VALUES
    ('120101', '和平区', '120000'), ('120102', '河东区', '120000'), ('120103', '河西区', '120000'),
    ('120104', '南开区', '120000'), ('120105', '河北区', '120000'), ('120106', '红桥区', '120000'),
    ('120110', '东丽区', '120000'), ('120111', '西青区', '120000'), ('120112', '津南区', '120000'),
    ('120113', '北辰区', '120000'), ('120114', '武清区', '120000'), ('120115', '宝坻区', '120000'),
    ('120116', '滨海新区', '120000'), ('120117', '宁河区', '120000'), ('120118', '静海区', '120000'),
    ('120119', '蓟州区', '120000');

-- Streets (街道) and zones (学区/片区/施教区: the catchment of one or more schools) of a district.
CREATE TABLE streets (
    id            uuid PRIMARY KEY,
    district_code text NOT NULL REFERENCES districts (code),
    name          text NOT NULL,
    UNIQUE (district_code, name)
);
CREATE TABLE zones (
    id            uuid PRIMARY KEY,
    district_code text NOT NULL REFERENCES districts (code),
    name          text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('school_district', 'area', 'catchment')),
    UNIQUE (district_code, name)
);

-- The school registry (Planning owns it). Capacity of a stage in places (学位) = its classes × its class-size norm,
-- plus what commissioned projects added.
CREATE TABLE schools (
    id            uuid        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 1,
    name          text        NOT NULL,
    district_code text        NOT NULL REFERENCES districts (code),
    zone_id       uuid        NOT NULL REFERENCES zones (id),
    street_id     uuid        REFERENCES streets (id),
    ownership     text        NOT NULL CHECK (ownership IN ('public', 'private', 'inclusive_private')),
    status        text        NOT NULL CHECK (status IN ('planned', 'open', 'closed')),
    opening_year  integer     CHECK (opening_year BETWEEN 1900 AND 2100),
    registered_at timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schools_district ON schools (district_code, name);
CREATE INDEX schools_zone ON schools (zone_id);

CREATE TABLE school_stages (
    school_id       uuid    NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    stage           text    NOT NULL CHECK (stage IN ('kindergarten', 'primary', 'junior_secondary', 'senior_secondary')),
    class_size_norm integer NOT NULL CHECK (class_size_norm BETWEEN 10 AND 80),
    PRIMARY KEY (school_id, stage)
);

-- Classes per grade: -2..0 are 小班, 中班, 大班; 1..12 the school grades.
CREATE TABLE school_classes (
    school_id uuid    NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    grade     integer NOT NULL CHECK (grade BETWEEN -2 AND 12),
    classes   integer NOT NULL CHECK (classes BETWEEN 0 AND 100),
    PRIMARY KEY (school_id, grade)
);

-- Capacity added by Facilities' commissioned projects; a project adds capacity once.
CREATE TABLE capacity_additions (
    project_id    uuid        PRIMARY KEY,
    school_id     uuid        NOT NULL REFERENCES schools (id),
    stage         text        NOT NULL,
    classes_added integer     NOT NULL,
    places_added  integer     NOT NULL,
    in_use_from   date        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
