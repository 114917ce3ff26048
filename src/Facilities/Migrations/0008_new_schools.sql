-- A project may build a school the registry does not have yet: its id is chosen here, and Planning registers the
-- school under it when the project is put into use (CapacityCommissioned with the school's details).
ALTER TABLE projects ADD COLUMN new_school_id uuid;
ALTER TABLE projects ADD COLUMN new_school_name text;
ALTER TABLE projects ADD COLUMN new_school_ownership text;
ALTER TABLE projects ADD CONSTRAINT projects_one_school CHECK (school_id IS NULL OR new_school_id IS NULL);
