-- A project belongs to a district and zone; its school may be chosen later (a proposal made from a shortfall names
-- only the zone). A proposal made from Planning's PlaceShortfallDetected keeps the shortfall it answers.
ALTER TABLE projects ALTER COLUMN school_id DROP NOT NULL;
ALTER TABLE projects ADD COLUMN district_code text;
ALTER TABLE projects ADD COLUMN zone_id uuid;
UPDATE projects p SET district_code = k.district_code, zone_id = k.zone_id FROM known_schools k WHERE k.id = p.school_id;
ALTER TABLE projects ALTER COLUMN district_code SET NOT NULL;
ALTER TABLE projects ALTER COLUMN zone_id SET NOT NULL;
ALTER TABLE projects ADD COLUMN shortfall_forecast_id uuid;
ALTER TABLE projects ADD COLUMN shortfall_first_year integer;
ALTER TABLE projects ADD COLUMN shortfall_places numeric;
-- One open proposal per zone and stage answers its shortfall; later announcements update it.
CREATE UNIQUE INDEX projects_open_shortfall ON projects (zone_id, stage) WHERE shortfall_forecast_id IS NOT NULL AND status = 'proposed';
CREATE INDEX projects_district ON projects (district_code);
