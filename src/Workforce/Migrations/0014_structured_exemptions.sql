-- An exemption from rotation is a reason from a list (孕期, 哺乳期, 病休, 受处分, 其他 with a note) with the days it
-- covers; it expires. Free text is no longer one.
ALTER TABLE teachers
    ADD COLUMN exemption_note text CHECK (length(exemption_note) <= 200),
    ADD COLUMN exemption_from date,
    ADD COLUMN exemption_to date;

-- What was kept before meant "exempt this school year": a listed reason becomes its code for the school year under
-- way; 无 or an empty value is none; any other text is kept as 其他, with the text as its note, to be looked at.
UPDATE teachers SET exemption = NULL WHERE btrim(coalesce(exemption, '')) IN ('', '无');
UPDATE teachers SET exemption_note = left(exemption, 200), exemption = 'other'
WHERE exemption IS NOT NULL AND exemption NOT IN ('孕期', '哺乳期', '病休', '受处分');
UPDATE teachers
SET exemption = CASE exemption
        WHEN '孕期' THEN 'pregnancy' WHEN '哺乳期' THEN 'nursing' WHEN '病休' THEN 'sick_leave' WHEN '受处分' THEN 'discipline'
        ELSE exemption END,
    exemption_from = make_date(extract(year FROM current_date - interval '8 months')::int, 9, 1),
    exemption_to = make_date(extract(year FROM current_date - interval '8 months')::int + 1, 8, 31)
WHERE exemption IS NOT NULL;

ALTER TABLE teachers ADD CONSTRAINT teachers_exemption CHECK (
    (exemption IS NULL AND exemption_from IS NULL AND exemption_to IS NULL)
    OR (exemption IN ('pregnancy', 'nursing', 'sick_leave', 'discipline', 'other')
        AND exemption_from IS NOT NULL AND exemption_to >= exemption_from
        AND (exemption <> 'other' OR exemption_note IS NOT NULL)));

DROP FUNCTION teachers_on(date);
CREATE FUNCTION teachers_on(day date)
RETURNS TABLE (
    id uuid, staff_number text, name text, gender text, birth_date date, district_code text, school_id uuid,
    at_school_since date, subjects text[], title text, backbone text, establishment text, hired_on date, role text,
    exemption text, exemption_note text, exemption_from date, exemption_to date)
LANGUAGE sql STABLE AS $$
    SELECT t.id, t.staff_number, t.name, t.gender, t.birth_date, t.district_code,
           coalesce(p.school_id, t.school_id), coalesce(p.from_date, t.at_school_since),
           t.subjects, t.title, t.backbone, t.establishment, t.hired_on, t.role, t.exemption, t.exemption_note,
           t.exemption_from, t.exemption_to
    FROM teachers t
    LEFT JOIN teacher_postings p
      ON p.teacher_id = t.id AND p.from_date <= day AND (p.to_date IS NULL OR p.to_date >= day)
$$;
