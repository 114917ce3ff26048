-- Places a project adds in stages beyond its main one (a nine- or twelve-year school builds several).
CREATE TABLE project_other_stages (
    project_id uuid    NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    stage      text    NOT NULL,
    classes    integer NOT NULL CHECK (classes BETWEEN 1 AND 200),
    places     integer NOT NULL CHECK (places BETWEEN 1 AND 20000),
    PRIMARY KEY (project_id, stage)
);
