-- Forecasts adopted as official, and the shortfalls announced from them (to publish each once, and again only
-- when it changes by a whole class).
CREATE TABLE official_forecasts (
    id            uuid        PRIMARY KEY,
    district_code text        NOT NULL REFERENCES districts (code),
    scenario_id   uuid        NOT NULL REFERENCES scenarios (id),
    base_year     integer     NOT NULL,
    demand        jsonb       NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX official_forecasts_district ON official_forecasts (district_code, published_at DESC);

CREATE TABLE published_shortfalls (
    zone_id      uuid        NOT NULL REFERENCES zones (id),
    stage        text        NOT NULL,
    year         integer     NOT NULL,
    places       numeric     NOT NULL,
    classes      integer     NOT NULL,
    forecast_id  uuid        NOT NULL REFERENCES official_forecasts (id),
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (zone_id, stage, year)
);
