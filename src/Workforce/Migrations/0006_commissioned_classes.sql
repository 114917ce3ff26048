-- Classes Facilities put into use (CapacityCommissioned): until the school's enrolment shows them, establishment lists
-- them as coming, with the teachers their places will need.
CREATE TABLE commissioned_classes (
    project_id  uuid    PRIMARY KEY,
    school_id   uuid    NOT NULL,
    stage       text    NOT NULL,
    classes     integer NOT NULL,
    places      integer NOT NULL,
    in_use_from date    NOT NULL
);
