-- Teachers, plans, rounds and everything about them under the district scope (platform/0003). A row that names a
-- teacher or a school may be written only when that teacher and school are in scope too, so no request can place a
-- teacher of another district, or send one of its own to another district's school.
CREATE FUNCTION known_school(school_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT school_id IS NULL OR EXISTS (SELECT FROM known_schools k WHERE k.id = school_id)
$$;
CREATE FUNCTION known_teacher(teacher_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT FROM teachers t WHERE t.id = teacher_id)
$$;

-- A teacher's staff number (教职工编号) is theirs within their district: another district's record is never found,
-- matched or moved by it.
ALTER TABLE teachers DROP CONSTRAINT teachers_staff_number_key;
ALTER TABLE teachers ADD CONSTRAINT teachers_district_staff_number UNIQUE (district_code, staff_number);

SELECT scope_rows('teachers', 'in_scope(district_code)',
    'EXISTS (SELECT FROM known_schools k WHERE k.id = teachers.school_id AND k.district_code = teachers.district_code)');
SELECT scope_rows('teacher_postings', 'known_teacher(teacher_postings.teacher_id)');
SELECT scope_rows('training_records', 'known_teacher(training_records.teacher_id)');
SELECT scope_rows(table_name::regclass, format('EXISTS (SELECT FROM known_schools k WHERE k.id = %I.school_id)', table_name))
FROM (VALUES ('school_profiles'), ('school_posts'), ('school_enrolment'), ('commissioned_classes')) AS t (table_name);
SELECT scope_rows(table_name::regclass, 'in_scope(district_code)')
FROM (VALUES ('rotation_plans'), ('training_rules'), ('forecast_demand'), ('forecast_publications'),
             ('staffing_ratios'), ('staffing_requirements'), ('rounds')) AS t (table_name);

SELECT scope_rows('rotation_assignments',
    'EXISTS (SELECT FROM rotation_plans p WHERE p.id = rotation_assignments.plan_id)',
    'known_teacher(rotation_assignments.teacher_id) AND known_school(rotation_assignments.from_school_id)
     AND known_school(rotation_assignments.to_school_id)');
SELECT scope_rows('rotation_plan_events', 'EXISTS (SELECT FROM rotation_plans p WHERE p.id = rotation_plan_events.plan_id)');
SELECT scope_rows('round_posts', 'EXISTS (SELECT FROM rounds r WHERE r.id = round_posts.round_id)',
    'known_school(round_posts.school_id)');
SELECT scope_rows('round_candidates', 'EXISTS (SELECT FROM rounds r WHERE r.id = round_candidates.round_id)',
    'known_teacher(round_candidates.teacher_id) AND known_school(round_candidates.home_school_id)
     AND known_school(round_candidates.placed_school_id)');
SELECT scope_rows('round_preferences', 'EXISTS (SELECT FROM rounds r WHERE r.id = round_preferences.round_id)',
    'known_teacher(round_preferences.teacher_id) AND known_school(round_preferences.school_id)');
SELECT scope_rows('round_events', 'EXISTS (SELECT FROM rounds r WHERE r.id = round_events.round_id)');
SELECT scope_rows('appointments', 'EXISTS (SELECT FROM rounds r WHERE r.id = appointments.round_id)',
    'known_teacher(appointments.teacher_id) AND known_school(appointments.school_id)');
