-- What a project is beyond its places: its type, areas, budget (万元) by funding source, the unit responsible and the contractor.
CREATE TABLE project_details (
    project_id       uuid    PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    type             text    NOT NULL CHECK (type IN ('new_build', 'expansion', 'relocation', 'developer_handover', 'renovation', 'equipment')),
    floor_area       numeric CHECK (floor_area > 0),
    land_area        numeric CHECK (land_area > 0),
    budget           numeric CHECK (budget > 0),
    responsible_unit text,
    contractor       text
);
CREATE TABLE project_funding (
    project_id uuid    NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    source     text    NOT NULL,
    amount     numeric NOT NULL CHECK (amount > 0),
    PRIMARY KEY (project_id, source)
);
