-- Projects and everything about them under the district scope (platform/0003); a project names only schools and
-- zones of its own district.
SELECT scope_rows('projects', 'in_scope(district_code)',
    'projects.school_id IS NULL OR EXISTS (SELECT FROM known_schools k WHERE k.id = projects.school_id
                                           AND k.district_code = projects.district_code)');
SELECT scope_rows(table_name::regclass, format('EXISTS (SELECT FROM projects p WHERE p.id = %I.project_id)', table_name))
FROM (VALUES ('project_milestones'), ('project_passages'), ('project_estimates'), ('project_earned_value'),
             ('project_details'), ('project_funding'), ('project_other_stages')) AS t (table_name);
