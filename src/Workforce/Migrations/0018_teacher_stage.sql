-- The stage a teacher teaches (任教学段). In a school of several stages (九年一贯制, 完全中学) a rotation keeps a teacher
-- within their own stage, not any of the school's. Filled in from a school of one stage; unknown otherwise, and then
-- the school's stages decide, as before.
ALTER TABLE teachers ADD COLUMN stage text
    CHECK (stage IN ('kindergarten', 'primary', 'junior_secondary', 'senior_secondary'));

UPDATE teachers t
SET stage = k.stages -> 0 ->> 'stage'
FROM known_schools k
WHERE k.id = t.school_id AND jsonb_array_length(k.stages) = 1;

DROP FUNCTION teachers_on(date);
CREATE FUNCTION teachers_on(day date)
RETURNS TABLE (
    id uuid, staff_number text, name text, gender text, birth_date date, district_code text, school_id uuid,
    at_school_since date, subjects text[], title text, backbone text, establishment text, hired_on date, role text,
    exemption text, exemption_note text, exemption_from date, exemption_to date, stage text)
LANGUAGE sql STABLE AS $$
    SELECT t.id, t.staff_number, t.name, t.gender, t.birth_date, t.district_code,
           coalesce(p.school_id, t.school_id), coalesce(p.from_date, t.at_school_since),
           t.subjects, t.title, t.backbone, t.establishment, t.hired_on, t.role, t.exemption, t.exemption_note,
           t.exemption_from, t.exemption_to, t.stage
    FROM teachers t
    LEFT JOIN teacher_postings p
      ON p.teacher_id = t.id AND p.from_date <= day AND (p.to_date IS NULL OR p.to_date >= day)
$$;
