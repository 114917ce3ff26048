-- A project's stage-gate path and milestone plan: each gate's baseline date (the first plan, kept) and its planned
-- date now; the gates passed, with date, actor and document, or waived with the reason; cost estimates (可研, 概算,
-- 决算); and earned value where costs are tracked.
ALTER TABLE projects ADD COLUMN path text NOT NULL DEFAULT 'government' CHECK (path IN ('government', 'developer'));

CREATE TABLE project_milestones (
    project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    gate       text NOT NULL,
    baseline   date NOT NULL,
    planned    date NOT NULL,
    PRIMARY KEY (project_id, gate)
);
CREATE TABLE project_passages (
    project_id         uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    gate               text        NOT NULL,
    date               date        NOT NULL,
    actor              text        NOT NULL,
    document_reference text,
    waiver_reason      text,
    recorded_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (project_id, gate)
);
CREATE TABLE project_estimates (
    project_id  uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('feasibility', 'design', 'final')),
    date        date        NOT NULL,
    amount      numeric     NOT NULL CHECK (amount > 0),
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (project_id, kind, date)
);
CREATE TABLE project_earned_value (
    project_id     uuid    PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    planned_value  numeric NOT NULL CHECK (planned_value >= 0),
    earned_value   numeric NOT NULL CHECK (earned_value >= 0),
    actual_cost    numeric NOT NULL CHECK (actual_cost >= 0)
);
