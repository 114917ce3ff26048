-- Districts whose data is sample data (generated or invented for a demonstration), so every screen can say so.
CREATE TABLE sample_data (
    district_code text        PRIMARY KEY REFERENCES districts (code),
    note          text        NOT NULL,
    marked_at     timestamptz NOT NULL DEFAULT now()
);
