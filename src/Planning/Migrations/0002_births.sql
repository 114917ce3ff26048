-- Registered births (出生人口) by district and calendar year: the source of entry-grade forecasts.
CREATE TABLE births (
    district_code text        NOT NULL REFERENCES districts (code),
    year          integer     NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    births        integer     NOT NULL CHECK (births >= 0),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, year)
);
