-- Every district-owned table under the district scope (platform/0003). The districts and the indicator dictionary
-- are reference data, the same for everyone.
SELECT scope_rows('streets', 'in_scope(district_code)');
SELECT scope_rows('zones', 'in_scope(district_code)');
SELECT scope_rows('schools', 'in_scope(district_code)',
    'EXISTS (SELECT FROM zones z WHERE z.id = schools.zone_id AND z.district_code = schools.district_code)
     AND (schools.street_id IS NULL OR EXISTS (SELECT FROM streets s WHERE s.id = schools.street_id
                                               AND s.district_code = schools.district_code))');
SELECT scope_rows(table_name::regclass, format('EXISTS (SELECT FROM schools s WHERE s.id = %I.school_id)', table_name))
FROM (VALUES ('school_stages'), ('school_classes'), ('capacity_additions'), ('enrolment')) AS t (table_name);
SELECT scope_rows('births', 'in_scope(district_code)',
    'births.zone_id IS NULL OR EXISTS (SELECT FROM zones z WHERE z.id = births.zone_id AND z.district_code = births.district_code)');
SELECT scope_rows('population', 'in_scope(district_code)');
SELECT scope_rows('housing_developments', 'in_scope(district_code)',
    'EXISTS (SELECT FROM zones z WHERE z.id = housing_developments.zone_id AND z.district_code = housing_developments.district_code)');
SELECT scope_rows('scenarios', 'in_scope(district_code)');
SELECT scope_rows('official_forecasts', 'in_scope(district_code)');
SELECT scope_rows('published_shortfalls', 'EXISTS (SELECT FROM zones z WHERE z.id = published_shortfalls.zone_id)');
SELECT scope_rows('pipeline_projects', 'in_scope(district_code)');
SELECT scope_rows('plans', 'in_scope(area_code)');
SELECT scope_rows('plan_targets', 'EXISTS (SELECT FROM plans p WHERE p.id = plan_targets.plan_id)');
SELECT scope_rows('indicator_observations', 'in_scope(area_code)');
SELECT scope_rows('sample_data', 'in_scope(district_code)');
