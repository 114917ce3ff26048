-- The school directory is in the district scope (platform/0003): a user sees and names only their districts' schools.
SELECT scope_rows('known_schools', 'in_scope(district_code)');
