-- A project may add classes in several stages: requirements and commissioned classes are kept per stage.
ALTER TABLE staffing_requirements DROP CONSTRAINT staffing_requirements_pkey;
ALTER TABLE staffing_requirements ADD PRIMARY KEY (project_id, milestone, stage);
ALTER TABLE commissioned_classes DROP CONSTRAINT commissioned_classes_pkey;
ALTER TABLE commissioned_classes ADD PRIMARY KEY (project_id, stage);
