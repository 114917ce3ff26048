-- 区管校聘 appointment rounds: for a term (聘期), the district's posts per school and subject (within the approved
-- ones), then 校内竞聘, 跨校竞聘 and 组织调剂; whoever is left goes to 待岗培训 or 转岗; results become appointments.
CREATE TABLE rounds (
    id            uuid        PRIMARY KEY,
    district_code text        NOT NULL,
    term_from     date        NOT NULL,
    term_to       date        NOT NULL CHECK (term_to > term_from),
    stage         text        NOT NULL CHECK (stage IN ('posts', 'internal', 'cross_school', 'placement', 'closed')),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE round_posts (
    round_id  uuid    NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    school_id uuid    NOT NULL,
    subject   text    NOT NULL,
    posts     integer NOT NULL CHECK (posts BETWEEN 0 AND 500),
    PRIMARY KEY (round_id, school_id, subject)
);
-- Every 在编 teacher of the district when the round opened, and where the round placed them.
CREATE TABLE round_candidates (
    round_id         uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    teacher_id       uuid NOT NULL REFERENCES teachers (id),
    home_school_id   uuid NOT NULL,
    subject          text NOT NULL,
    placed_school_id uuid,
    placed_in        text CHECK (placed_in IN ('internal', 'cross_school', 'placement')),
    unplaced_outcome text CHECK (unplaced_outcome IN ('training', 'reassignment')),
    PRIMARY KEY (round_id, teacher_id)
);
CREATE TABLE round_preferences (
    round_id   uuid    NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    teacher_id uuid    NOT NULL,
    rank       integer NOT NULL,
    school_id  uuid    NOT NULL,
    PRIMARY KEY (round_id, teacher_id, rank)
);
CREATE TABLE round_events (
    round_id uuid        NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    action   text        NOT NULL,
    actor    text        NOT NULL,
    detail   text
);
-- Appointments (聘任) that closed rounds made: who, where, in which subject, for which term, and by which step.
CREATE TABLE appointments (
    round_id   uuid NOT NULL REFERENCES rounds (id),
    teacher_id uuid NOT NULL REFERENCES teachers (id),
    school_id  uuid NOT NULL,
    subject    text NOT NULL,
    term_from  date NOT NULL,
    term_to    date NOT NULL,
    placed_in  text NOT NULL,
    PRIMARY KEY (round_id, teacher_id)
);
