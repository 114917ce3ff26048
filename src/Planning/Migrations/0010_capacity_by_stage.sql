-- A project may add places in several stages: one capacity addition per project and stage.
ALTER TABLE capacity_additions DROP CONSTRAINT capacity_additions_pkey;
ALTER TABLE capacity_additions ADD PRIMARY KEY (project_id, stage);
