-- Named planning scenarios of a district: a saved forecast request (method and levers), cloned from another or new.
CREATE TABLE scenarios (
    id            uuid        PRIMARY KEY,
    district_code text        NOT NULL REFERENCES districts (code),
    name          text        NOT NULL,
    cloned_from   uuid        REFERENCES scenarios (id) ON DELETE SET NULL,
    levers        jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (district_code, name)
);
