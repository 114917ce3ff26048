-- Every change to teachers' records and the HR workflows goes into audit_log (platform 0002).
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['teachers', 'teacher_postings', 'school_profiles', 'school_posts', 'rotation_plans', 'rotation_assignments',
        'training_records', 'training_rules', 'staffing_ratios', 'rounds', 'round_posts', 'round_preferences', 'appointments']
    LOOP
        EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()', t);
    END LOOP;
END $$;
