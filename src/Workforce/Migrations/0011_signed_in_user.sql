-- Who took a step is the signed-in user, from their token: user name and display name. Steps recorded before kept
-- the name the client typed ("actor"); it stays readable as their display name, with no user name.
DO $$ DECLARE t text; BEGIN
    FOREACH t IN ARRAY ARRAY['rotation_plan_events', 'round_events'] LOOP
        EXECUTE format('ALTER TABLE %I RENAME COLUMN actor TO display_name', t);
        EXECUTE format('ALTER TABLE %I ADD COLUMN user_name text', t);
    END LOOP;
END $$;
