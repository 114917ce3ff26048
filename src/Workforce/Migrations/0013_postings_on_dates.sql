-- A teacher's school is where their postings put them on a day: a rotation or an appointment posts them from its
-- date, and until that day every count, list and check still sees them where they were. teachers.school_id and
-- at_school_since keep what the bureau's import says (and answer for a day before the first posting).
CREATE FUNCTION teachers_on(day date)
RETURNS TABLE (
    id uuid, staff_number text, name text, gender text, birth_date date, district_code text, school_id uuid,
    at_school_since date, subjects text[], title text, backbone text, establishment text, hired_on date, role text,
    exemption text)
LANGUAGE sql STABLE AS $$
    SELECT t.id, t.staff_number, t.name, t.gender, t.birth_date, t.district_code,
           coalesce(p.school_id, t.school_id), coalesce(p.from_date, t.at_school_since),
           t.subjects, t.title, t.backbone, t.establishment, t.hired_on, t.role, t.exemption
    FROM teachers t
    LEFT JOIN teacher_postings p
      ON p.teacher_id = t.id AND p.from_date <= day AND (p.to_date IS NULL OR p.to_date >= day)
$$;

-- When a rotated teacher goes home: at the end of their term (extensions included) when the plan is completed, or
-- earlier by an explicit early return, which gives its reason.
ALTER TABLE rotation_assignments
    ADD COLUMN returns_on date,
    ADD COLUMN return_reason text CHECK (length(return_reason) <= 500);

-- Each sending school's eligible backbone teachers when the plan was made: a school without any has its backbone
-- target waived (null for plans made before it was kept).
ALTER TABLE rotation_plans ADD COLUMN eligible_backbone jsonb;
