-- Every change to the data planners enter, and to what events bring in, goes into audit_log (platform 0002).
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['streets', 'zones', 'schools', 'school_stages', 'births', 'enrolment', 'scenarios', 'official_forecasts',
        'population', 'housing_developments', 'indicator_observations', 'sample_data', 'capacity_additions', 'pipeline_projects']
    LOOP
        EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()', t);
    END LOOP;
END $$;
