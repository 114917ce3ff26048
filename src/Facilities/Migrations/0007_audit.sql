-- Every change to projects, their schedule, estimates, earned value and details goes into audit_log (platform 0002).
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['projects', 'project_milestones', 'project_passages', 'project_estimates', 'project_earned_value',
        'project_details', 'project_funding', 'project_other_stages']
    LOOP
        EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()', t);
    END LOOP;
END $$;
