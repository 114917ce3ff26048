-- Who passed a gate is the signed-in user, from their token: user name and display name. Gates recorded before kept
-- the name the client typed ("actor"); it stays readable as their display name, with no user name.
ALTER TABLE project_passages RENAME COLUMN actor TO display_name;
ALTER TABLE project_passages ADD COLUMN user_name text;
