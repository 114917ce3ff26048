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

-- Registered births (出生人口) by district and calendar year: the source of entry-grade forecasts.
CREATE TABLE births (
    district_code text        NOT NULL REFERENCES districts (code),
    year          integer     NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    births        integer     NOT NULL CHECK (births >= 0),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, year)
);
