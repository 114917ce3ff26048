-- Facility projects not yet in use, kept from Facilities' events (the newest version wins): the places they will
-- add in a zone and stage from their planned date. Commissioned places move to capacity_additions.
CREATE TABLE pipeline_projects (
    project_id     uuid        PRIMARY KEY,
    version        integer     NOT NULL,
    district_code  text        NOT NULL,
    zone_id        uuid        NOT NULL REFERENCES zones (id),
    school_id      uuid,
    name           text        NOT NULL,
    status         text        NOT NULL,
    places         jsonb       NOT NULL,
    planned_in_use date,
    received_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX pipeline_projects_district ON pipeline_projects (district_code);
